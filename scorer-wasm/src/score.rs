//! A domain's score on the 1–10 scale between the two extremes.

use std::fmt;

/// What a team can answer for one domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Score {
    /// 1 (*als het niet goed gaat*) to 10 (*als het wel goed gaat*).
    Value(u8),
    /// *Weet niet*: answered, but deliberately without a number.
    DontKnow,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoreError {
    OutOfRange(i64),
}

impl fmt::Display for ScoreError {
    // Dutch: this message reaches the user in the traject pages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScoreError::OutOfRange(v) => {
                write!(f, "Score {v} ligt buiten de schaal van 1 tot en met 10.")
            }
        }
    }
}

impl Score {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 10;

    pub fn new(value: i64) -> Result<Score, ScoreError> {
        if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&value) {
            Ok(Score::Value(value as u8))
        } else {
            Err(ScoreError::OutOfRange(value))
        }
    }

    /// The number, when there is one to compare.
    pub fn value(self) -> Option<u8> {
        match self {
            Score::Value(v) => Some(v),
            Score::DontKnow => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_scale_and_nothing_else() {
        assert_eq!(Score::new(1), Ok(Score::Value(1)));
        assert_eq!(Score::new(10), Ok(Score::Value(10)));
        assert_eq!(Score::new(0), Err(ScoreError::OutOfRange(0)));
        assert_eq!(Score::new(11), Err(ScoreError::OutOfRange(11)));
        assert_eq!(
            Score::new(-3).unwrap_err().to_string(),
            "Score -3 ligt buiten de schaal van 1 tot en met 10."
        );
    }

    #[test]
    fn dont_know_has_no_value() {
        assert_eq!(Score::DontKnow.value(), None);
        assert_eq!(Score::Value(7).value(), Some(7));
    }
}
