//! Short import names. wasm-bindgen names each import after the JS it
//! calls plus a 16-digit hash (`__wbg_querySelector_1555c239948f2bf0`), and
//! the hashes do not compress: in the scoring module they were 1.9 KB of
//! its gzip size. This renames every import to `a`, `b`, … (module `a`)
//! in the module and in the glue's import object together.

/// The module with short import names, and the glue with the same names.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    let mut out = wasm.get(..8).ok_or("not a wasm module")?.to_vec();
    let mut module = None;
    let mut renamed = Vec::new();
    let mut r = Reader { bytes: wasm, at: 8 };
    while r.at < wasm.len() {
        let id = r.byte()?;
        let size = r.leb()? as usize;
        let body = r.take(size)?;
        let body = if id == IMPORT_SECTION {
            let mut s = Reader { bytes: body, at: 0 };
            let count = s.leb()?;
            let mut new = leb(count);
            for i in 0..count {
                let from = s.name()?;
                let name = s.name()?;
                let start = s.at;
                s.import_desc()?;
                match module {
                    None => module = Some(from),
                    Some(m) if m == from => {}
                    Some(m) => return Err(format!("imports from two modules: {m} and {from}")),
                }
                let short = short_name(i as usize);
                push_name(&mut new, MODULE);
                push_name(&mut new, &short);
                new.extend_from_slice(&body[start..s.at]);
                renamed.push((name, short));
            }
            new
        } else {
            body.to_vec()
        };
        out.push(id);
        out.extend(leb(body.len() as u64));
        out.extend(body);
    }
    let Some(module) = module else {
        return Ok((wasm.to_vec(), glue.to_string()));
    };
    let mut glue = replace_once(glue, &format!("\"{module}\": "), &format!("\"{MODULE}\": "))?;
    for (name, short) in renamed {
        glue = replace_once(&glue, &format!(" {name}: "), &format!(" {short}: "))?;
    }
    Ok((out, glue))
}

const IMPORT_SECTION: u8 = 2;
const MODULE: &str = "a";

/// `a` … `z`, `aa` …: unique, and never a name the glue uses elsewhere as
/// a key with a leading space and a colon after it.
fn short_name(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'a' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).expect("ASCII")
}

/// The glue names each import exactly once, as a key of its import object;
/// anything else means wasm-bindgen changed its output, so stop.
fn replace_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!("the glue has {n} times `{from}`, expected once")),
    }
}

fn leb(mut n: u64) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

fn push_name(out: &mut Vec<u8>, name: &str) {
    out.extend(leb(name.len() as u64));
    out.extend_from_slice(name.as_bytes());
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|e| *e <= self.bytes.len());
        let end = end.ok_or("the module ends early")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn leb(&mut self) -> Result<u64, String> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err("a number in the module is too long".into())
    }

    fn name(&mut self) -> Result<&'a str, String> {
        let len = self.leb()? as usize;
        std::str::from_utf8(self.take(len)?).map_err(|_| "an import name is not UTF-8".into())
    }

    /// Skips what follows an import's names: its kind and type.
    fn import_desc(&mut self) -> Result<(), String> {
        let limits = |r: &mut Self| -> Result<(), String> {
            let flags = r.byte()?;
            r.leb()?;
            if flags & 1 == 1 {
                r.leb()?;
            }
            Ok(())
        };
        match self.byte()? {
            0 => self.leb().map(drop), // function: its type index
            1 => {
                self.byte()?; // table: element type, then limits
                limits(self)
            }
            2 => limits(self),           // memory
            3 => self.take(2).map(drop), // global: value type, mutability
            k => Err(format!("an import of unknown kind {k}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two functions of type 0 from `./m.js`.
    fn module() -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        // Type section: one type, () -> ().
        m.extend([1, 4, 1, 0x60, 0, 0]);
        let mut imports = leb(2);
        for name in ["__wbg_f_0123456789abcdef", "__wbg_g_fedcba9876543210"] {
            push_name(&mut imports, "./m.js");
            push_name(&mut imports, name);
            imports.extend([0, 0]);
        }
        m.push(IMPORT_SECTION);
        m.extend(leb(imports.len() as u64));
        m.extend(imports);
        m
    }

    const GLUE: &str = "const import0 = {\n __wbg_f_0123456789abcdef: function() {},\n \
                        __wbg_g_fedcba9876543210: function() {},\n};\n\
                        return { \"./m.js\": import0 };";

    fn import_names(wasm: &[u8]) -> Vec<(String, String)> {
        let mut r = Reader { bytes: wasm, at: 8 };
        let mut names = Vec::new();
        while r.at < wasm.len() {
            let id = r.byte().unwrap();
            let size = r.leb().unwrap() as usize;
            let body = r.take(size).unwrap();
            if id == IMPORT_SECTION {
                let mut s = Reader { bytes: body, at: 0 };
                for _ in 0..s.leb().unwrap() {
                    let m = s.name().unwrap().to_string();
                    let n = s.name().unwrap().to_string();
                    s.import_desc().unwrap();
                    names.push((m, n));
                }
            }
        }
        names
    }

    #[test]
    fn renames_imports_in_module_and_glue_alike() {
        let (wasm, glue) = shorten(&module(), GLUE).unwrap();
        assert_eq!(
            import_names(&wasm),
            [("a".into(), "a".into()), ("a".into(), "b".into())]
        );
        assert_eq!(
            glue,
            "const import0 = {\n a: function() {},\n b: function() {},\n};\n\
             return { \"a\": import0 };"
        );
        // Each import: a 24-byte name and a 6-byte module name, each now 1 byte.
        assert_eq!(wasm.len(), module().len() - 2 * (23 + 5));
    }

    #[test]
    fn a_glue_that_does_not_match_stops_the_build() {
        let glue = GLUE.replace("__wbg_g_fedcba9876543210", "__wbg_g_changed");
        let err = shorten(&module(), &glue).unwrap_err();
        assert!(err.contains("__wbg_g_fedcba9876543210"), "{err}");
        assert!(shorten(&module()[..20], GLUE).is_err());
    }

    #[test]
    fn short_names_are_unique() {
        let names: Vec<String> = (0..800).map(short_name).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        assert_eq!((names[0].as_str(), names[25].as_str()), ("a", "z"));
        assert_eq!((names[26].as_str(), names[27].as_str()), ("aa", "ab"));
    }
}
