//! ELBv2's wildcard patterns: `*` matches any run of characters (also none) and `?`
//! exactly one character, compared case-sensitively (paths) or ASCII-case-insensitively
//! (hosts, headers, query strings). Query-string patterns may escape a literal `*`, `?`
//! or `\` with a backslash.
//!
//! Patterns are compiled once per configuration; matching is linear in practice (the
//! classic greedy match with one backtrack point per star) and never allocates.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Byte(u8),
    /// `?`: one character (all the bytes of one UTF-8 sequence).
    One,
    /// `*`.
    Any,
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    tokens: Box<[Token]>,
    case_insensitive: bool,
}

impl Pattern {
    /// A path pattern: case-sensitive.
    pub fn case_sensitive(text: &str) -> Self {
        Self::compile(text, false, false)
    }

    /// A host or header pattern: case-insensitive.
    pub fn case_insensitive(text: &str) -> Self {
        Self::compile(text, true, false)
    }

    /// A query-string pattern: case-insensitive, with `\` escapes.
    pub fn query(text: &str) -> Self {
        Self::compile(text, true, true)
    }

    fn compile(text: &str, case_insensitive: bool, escapes: bool) -> Self {
        let mut tokens = Vec::with_capacity(text.len());
        let mut bytes = text.bytes();
        while let Some(byte) = bytes.next() {
            let token = match byte {
                b'\\' if escapes => match bytes.next() {
                    Some(escaped) => Token::Byte(escaped),
                    None => Token::Byte(b'\\'),
                },
                b'*' => {
                    // Consecutive stars are one star.
                    if tokens.last() == Some(&Token::Any) {
                        continue;
                    }
                    Token::Any
                }
                b'?' => Token::One,
                other if case_insensitive => Token::Byte(other.to_ascii_lowercase()),
                other => Token::Byte(other),
            };
            tokens.push(token);
        }
        Self {
            tokens: tokens.into_boxed_slice(),
            case_insensitive,
        }
    }

    /// Whether the whole of `subject` matches.
    pub fn matches(&self, subject: &str) -> bool {
        let subject = subject.as_bytes();
        let tokens = &self.tokens;
        let (mut t, mut s) = (0, 0);
        // Where to resume after the last star: (token after it, subject position).
        let mut backtrack: Option<(usize, usize)> = None;
        while s < subject.len() {
            let step = match tokens.get(t) {
                Some(Token::Byte(expected)) => {
                    let actual = if self.case_insensitive {
                        subject[s].to_ascii_lowercase()
                    } else {
                        subject[s]
                    };
                    (actual == *expected).then_some(1)
                }
                Some(Token::One) => Some(utf8_len(subject[s])),
                Some(Token::Any) => {
                    backtrack = Some((t + 1, s));
                    t += 1;
                    continue;
                }
                None => None,
            };
            match step {
                Some(len) => {
                    t += 1;
                    s += len;
                }
                None => match backtrack {
                    // Let the last star swallow one more character and try again.
                    Some((after_star, star_s)) => {
                        let next = star_s + utf8_len(subject[star_s]);
                        backtrack = Some((after_star, next));
                        t = after_star;
                        s = next;
                    }
                    None => return false,
                },
            }
        }
        tokens[t.min(tokens.len())..]
            .iter()
            .all(|token| *token == Token::Any)
            && s == subject.len()
    }
}

/// The length of the UTF-8 sequence that starts with `first` (1 for a stray byte).
fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xF7 => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_and_question_marks() {
        let p = Pattern::case_sensitive("/api/*");
        assert!(p.matches("/api/"));
        assert!(p.matches("/api/users/1"));
        assert!(!p.matches("/api"));
        assert!(!p.matches("/API/users"));
        let p = Pattern::case_sensitive("/img/???.png");
        assert!(p.matches("/img/abc.png"));
        assert!(!p.matches("/img/ab.png"));
        assert!(!p.matches("/img/abcd.png"));
        let p = Pattern::case_sensitive("*a*b*");
        assert!(p.matches("xxaxxbxx"));
        assert!(p.matches("ab"));
        assert!(!p.matches("ba"));
        let p = Pattern::case_sensitive("*.js");
        assert!(p.matches("/static/app.min.js"));
        assert!(!p.matches("/static/app.json"));
        assert!(Pattern::case_sensitive("*").matches(""));
        assert!(Pattern::case_sensitive("**").matches("abc"));
        assert!(!Pattern::case_sensitive("?").matches(""));
        assert!(Pattern::case_sensitive("/exact").matches("/exact"));
        assert!(!Pattern::case_sensitive("/exact").matches("/exact/"));
    }

    #[test]
    fn question_mark_is_one_character_not_one_byte() {
        assert!(Pattern::case_sensitive("/caf?").matches("/café"));
        assert!(!Pattern::case_sensitive("/caf??").matches("/café"));
    }

    #[test]
    fn case_rules() {
        let host = Pattern::case_insensitive("*.Example.COM");
        assert!(host.matches("api.example.com"));
        assert!(host.matches("API.EXAMPLE.COM"));
        assert!(!host.matches("example.com"));
        assert!(!Pattern::case_sensitive("/Api").matches("/api"));
    }

    #[test]
    fn query_escapes() {
        let p = Pattern::query(r"a\*b");
        assert!(p.matches("a*b"));
        assert!(!p.matches("axb"));
        let p = Pattern::query(r"what\?");
        assert!(p.matches("what?"));
        assert!(!p.matches("whatx"));
        assert!(Pattern::query(r"back\\slash").matches(r"back\slash"));
        assert!(Pattern::query("V*").matches("value"));
    }

    #[test]
    fn pathological_patterns_stay_fast() {
        let subject = "a".repeat(10_000);
        let p = Pattern::case_sensitive("*a*a*a*a*a*a*a*a*b");
        let start = std::time::Instant::now();
        assert!(!p.matches(&subject));
        assert!(start.elapsed() < std::time::Duration::from_secs(1));
    }
}
