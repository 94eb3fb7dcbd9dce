//! Flesch-Douma, the Dutch form of Flesch Reading Ease:
//! 206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence.
//! The leerling and ouder texts aim for B1, which is 65 or more.

/// Sentences, split after `.`, `!` or `?`; pieces without words are dropped.
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['.', '!', '?'])
        .filter(|s| words(s).next().is_some())
}

/// Words: runs of letters and digits, with inner hyphens and apostrophes.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(['-', '\'']))
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// Syllables of one Dutch word, counted as groups of vowels: "aa", "ie",
/// "eeuw" are one; a vowel with a trema ("reële") starts a new one. A word
/// of digits only ("3") counts as one.
pub fn syllables(word: &str) -> usize {
    let mut count = 0;
    let mut in_vowels = false;
    for c in word.chars().flat_map(char::to_lowercase) {
        let trema = matches!(c, 'ä' | 'ë' | 'ï' | 'ö' | 'ü');
        let vowel = trema
            || matches!(
                c,
                'a' | 'e'
                    | 'i'
                    | 'o'
                    | 'u'
                    | 'y'
                    | 'á'
                    | 'é'
                    | 'í'
                    | 'ó'
                    | 'ú'
                    | 'à'
                    | 'è'
                    | 'â'
                    | 'ê'
                    | 'î'
                    | 'ô'
                    | 'û'
            );
        if vowel && (!in_vowels || trema) {
            count += 1;
        }
        in_vowels = vowel;
    }
    count.max(1)
}

/// Counts behind a score, so a report can show them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
}

impl Counts {
    pub fn of(text: &str) -> Counts {
        let mut c = Counts::default();
        for s in sentences(text) {
            c.sentences += 1;
            for w in words(s) {
                c.words += 1;
                c.syllables += syllables(w);
            }
        }
        c
    }

    /// `None` for a text without words.
    pub fn flesch_douma(&self) -> Option<f64> {
        if self.words == 0 || self.sentences == 0 {
            return None;
        }
        let per_100_words = 100.0 * self.syllables as f64 / self.words as f64;
        let per_sentence = self.words as f64 / self.sentences as f64;
        Some(206.84 - 0.77 * per_100_words - 0.93 * per_sentence)
    }
}

/// Counts of several texts together, so a score covers them as one.
impl std::ops::Add for Counts {
    type Output = Counts;
    fn add(self, other: Counts) -> Counts {
        Counts {
            sentences: self.sentences + other.sentences,
            words: self.words + other.words,
            syllables: self.syllables + other.syllables,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_follow_dutch_vowel_groups() {
        for (word, n) in [
            ("school", 1),
            ("leerling", 2),
            ("ouders", 2),
            ("mentor", 2),
            ("prestatiedruk", 4),
            ("eeuw", 1),
            ("reële", 3),
            ("geïnteresseerd", 5),
            ("3", 1),
            ("Schoolklimaat", 3),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn sentences_and_words_ignore_punctuation() {
        let text = "Ik voel me veilig. Echt? Ja! ... Een 'goed' gesprek, met de zorg-coördinator.";
        let s: Vec<_> = sentences(text).collect();
        assert_eq!(s.len(), 4, "{s:?}");
        let w: Vec<_> = words(s[3]).collect();
        assert_eq!(
            w,
            ["Een", "goed", "gesprek", "met", "de", "zorg-coördinator"]
        );
    }

    #[test]
    fn flesch_douma_matches_a_hand_count() {
        // 2 sentences, 8 words, 8 syllables.
        let c = Counts::of("Ik ga naar school. Het is daar fijn.");
        assert_eq!(
            c,
            Counts {
                sentences: 2,
                words: 8,
                syllables: 8
            }
        );
        let expected = 206.84 - 0.77 * 100.0 - 0.93 * 4.0;
        assert!((c.flesch_douma().unwrap() - expected).abs() < 1e-9);
        assert_eq!(Counts::of("...").flesch_douma(), None);
    }

    #[test]
    fn odd_text_never_panics_and_counts_sensibly() {
        for text in [
            "",
            "...!?",
            "—",
            "e\u{301}e\u{301}n",
            "ﷺ 👩‍👩‍👧 مرحبا",
            "a-'-b '' -- x",
            "\u{200b}\u{feff}",
        ] {
            let c = Counts::of(text);
            assert!(c.syllables >= c.words, "{text:?}: {c:?}");
            assert_eq!(c.flesch_douma().is_none(), c.words == 0, "{text:?}");
        }
    }

    #[test]
    fn long_words_and_sentences_lower_the_score() {
        let easy = Counts::of("Ik ga naar school. Het is fijn daar.")
            .flesch_douma()
            .unwrap();
        let hard = Counts::of(
            "De onderwijsinstelling implementeert geïntegreerde ondersteuningsstructuren voor leerlingen met psychosociale problematiek.",
        )
        .flesch_douma()
        .unwrap();
        assert!(easy > 90.0 && hard < 0.0, "{easy} {hard}");
    }
}
