//! CloudWatch Logs filter patterns for unstructured events (the "terms"
//! syntax), matched case-sensitively against the raw message bytes:
//!
//! - `ERROR` matches events containing `ERROR`; `ERROR timeout` needs both.
//! - `"connection reset"` matches the exact phrase (`\"` and `\\` escape a
//!   quote and a backslash inside quotes).
//! - `-DEBUG` / `-"health check"` excludes events containing the term.
//! - `?ERROR ?WARN` matches events containing either. Each `?term` starts an
//!   alternative, and the plain or `-` terms after it belong to that
//!   alternative, so `?ERROR db ?WARN disk` is `(ERROR and db) or (WARN and
//!   disk)` (the form CDK's `anyTermGroup` writes). Terms before the first
//!   `?` apply to every alternative.
//! - The empty pattern (or only spaces) matches everything.
//!
//! JSON (`{ $.x = 1 }`), space-delimited (`[ip, user]`) and regex (`%a|b%`)
//! patterns are refused with [`LogError::UnsupportedPattern`].

use memchr::memmem::Finder;

use crate::error::{LogError, Result, UnsupportedSyntax};
use crate::rules::MAX_FILTER_PATTERN_CHARS;

/// A parsed filter pattern.
#[derive(Debug, Clone)]
pub struct FilterPattern {
    common: Conjunction,
    alternatives: Vec<Conjunction>,
}

#[derive(Debug, Clone, Default)]
struct Conjunction {
    required: Vec<Finder<'static>>,
    excluded: Vec<Finder<'static>>,
}

impl Conjunction {
    fn matches(&self, message: &[u8]) -> bool {
        self.required.iter().all(|f| f.find(message).is_some())
            && self.excluded.iter().all(|f| f.find(message).is_none())
    }
    fn push(&mut self, term: &[u8], exclude: bool) {
        let finder = Finder::new(term).into_owned();
        if exclude {
            self.excluded.push(finder);
        } else {
            self.required.push(finder);
        }
    }
}

impl FilterPattern {
    /// Parses a pattern.
    pub fn parse(text: &str) -> Result<FilterPattern> {
        if text.chars().count() > MAX_FILTER_PATTERN_CHARS {
            return Err(LogError::InvalidPattern(format!(
                "a filter pattern can be at most {MAX_FILTER_PATTERN_CHARS} characters long"
            )));
        }
        let trimmed = text.trim();
        match trimmed.chars().next() {
            Some('{') => return Err(LogError::UnsupportedPattern(UnsupportedSyntax::Json)),
            Some('[') => {
                return Err(LogError::UnsupportedPattern(
                    UnsupportedSyntax::SpaceDelimited,
                ))
            }
            Some('%') => return Err(LogError::UnsupportedPattern(UnsupportedSyntax::Regex)),
            _ => {}
        }
        let mut pattern = FilterPattern {
            common: Conjunction::default(),
            alternatives: Vec::new(),
        };
        let bytes = trimmed.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            if bytes[at].is_ascii_whitespace() {
                at += 1;
                continue;
            }
            let prefix = match bytes[at] {
                b'?' | b'-' => {
                    at += 1;
                    Some(bytes[at - 1])
                }
                _ => None,
            };
            let (term, next) = match bytes.get(at) {
                Some(b'"') => quoted(bytes, at)?,
                Some(c) if !c.is_ascii_whitespace() => bare(bytes, at)?,
                _ => {
                    return Err(LogError::InvalidPattern(format!(
                        "'{}' at position {} must be followed by a term",
                        prefix.map_or('?', char::from),
                        at - 1
                    )))
                }
            };
            at = next;
            match prefix {
                Some(b'?') => {
                    let mut alternative = Conjunction::default();
                    alternative.push(&term, false);
                    pattern.alternatives.push(alternative);
                }
                _ => {
                    let exclude = prefix == Some(b'-');
                    pattern
                        .alternatives
                        .last_mut()
                        .unwrap_or(&mut pattern.common)
                        .push(&term, exclude);
                }
            }
        }
        Ok(pattern)
    }

    /// True if the pattern matches every event (empty pattern).
    pub fn matches_everything(&self) -> bool {
        self.common.required.is_empty()
            && self.common.excluded.is_empty()
            && self.alternatives.is_empty()
    }

    /// Whether `message` matches.
    pub fn matches(&self, message: &[u8]) -> bool {
        self.common.matches(message)
            && (self.alternatives.is_empty()
                || self.alternatives.iter().any(|a| a.matches(message)))
    }
}

/// A quoted phrase starting at `bytes[at] == '"'`: its unescaped bytes and
/// the index after the closing quote.
fn quoted(bytes: &[u8], at: usize) -> Result<(Vec<u8>, usize)> {
    let mut term = Vec::new();
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                if bytes.get(i + 1).is_some_and(|c| !c.is_ascii_whitespace()) {
                    return Err(LogError::InvalidPattern(format!(
                        "the quoted phrase starting at position {at} must be followed by a space"
                    )));
                }
                return Ok((term, i + 1));
            }
            b'\\' if matches!(bytes.get(i + 1), Some(b'"' | b'\\')) => {
                term.push(bytes[i + 1]);
                i += 2;
            }
            c => {
                term.push(c);
                i += 1;
            }
        }
    }
    Err(LogError::InvalidPattern(format!(
        "the quoted phrase starting at position {at} has no closing '\"'"
    )))
}

/// An unquoted term: up to the next space. A quote inside it is refused
/// rather than guessed at.
fn bare(bytes: &[u8], at: usize) -> Result<(Vec<u8>, usize)> {
    let end = bytes[at..]
        .iter()
        .position(|c| c.is_ascii_whitespace())
        .map_or(bytes.len(), |n| at + n);
    let term = &bytes[at..end];
    if term.contains(&b'"') {
        return Err(LogError::InvalidPattern(format!(
            "the term at position {at} contains '\"'; quote the whole term instead"
        )));
    }
    Ok((term.to_vec(), end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pattern: &str, message: &str) -> bool {
        FilterPattern::parse(pattern)
            .unwrap()
            .matches(message.as_bytes())
    }

    #[test]
    fn empty_pattern_matches_everything() {
        assert!(m("", "anything"));
        assert!(m("   ", "anything"));
        assert!(FilterPattern::parse(" ").unwrap().matches_everything());
        assert!(!FilterPattern::parse("x").unwrap().matches_everything());
    }

    #[test]
    fn terms_are_case_sensitive_substrings_and_all_must_match() {
        assert!(m("ERROR", "an ERROR happened"));
        assert!(!m("ERROR", "an error happened"));
        assert!(m("ERR", "ERROR"));
        assert!(m("ERROR db", "db: ERROR"));
        assert!(!m("ERROR db", "ERROR disk"));
    }

    #[test]
    fn quoted_phrases_match_exactly() {
        assert!(m("\"connection reset\"", "tcp connection reset by peer"));
        assert!(!m("\"connection reset\"", "connection was reset"));
        assert!(m(r#""say \"hi\"""#, r#"they say "hi" loudly"#));
        assert!(m(r#""back\\slash""#, r"a back\slash"));
        assert!(m("\"\"", "empty phrase matches all"));
    }

    #[test]
    fn question_mark_terms_are_alternatives() {
        assert!(m("?ERROR ?WARN", "WARN disk"));
        assert!(m("?ERROR ?WARN", "ERROR disk"));
        assert!(!m("?ERROR ?WARN", "INFO disk"));
        // Terms before the first ? apply to every alternative.
        assert!(m("disk ?ERROR ?WARN", "WARN disk"));
        assert!(!m("disk ?ERROR ?WARN", "WARN net"));
        // Terms after a ? term belong to its alternative (CDK anyTermGroup).
        let groups = "?\"ERROR\" \"db\" ?\"WARN\" \"disk\"";
        assert!(m(groups, "ERROR db"));
        assert!(m(groups, "WARN disk"));
        assert!(!m(groups, "ERROR disk"));
        assert!(!m(groups, "WARN db"));
    }

    #[test]
    fn minus_excludes() {
        assert!(m("ERROR -timeout", "ERROR disk"));
        assert!(!m("ERROR -timeout", "ERROR timeout"));
        assert!(m("-DEBUG", "INFO x"));
        assert!(!m("-DEBUG", "DEBUG x"));
        assert!(!m("-\"health check\"", "GET /health check ok"));
        assert!(m("?ERROR -retry ?WARN", "ERROR final"));
        assert!(!m("?ERROR -retry ?WARN", "ERROR retry"));
        assert!(m("?ERROR -retry ?WARN", "WARN retry"));
    }

    #[test]
    fn structured_patterns_are_refused_as_unsupported() {
        for (pattern, syntax) in [
            ("{ $.level = \"ERROR\" }", UnsupportedSyntax::Json),
            ("  {$.x=1}", UnsupportedSyntax::Json),
            ("[ip, user, ...]", UnsupportedSyntax::SpaceDelimited),
            ("%ERROR|WARN%", UnsupportedSyntax::Regex),
        ] {
            match FilterPattern::parse(pattern) {
                Err(LogError::UnsupportedPattern(got)) => assert_eq!(got, syntax, "{pattern}"),
                other => panic!("{pattern}: {other:?}"),
            }
        }
    }

    #[test]
    fn malformed_patterns_are_errors() {
        for pattern in ["\"unterminated", "?", "- x", "ab\"c", "\"a\"b", "x ?"] {
            match FilterPattern::parse(pattern) {
                Err(LogError::InvalidPattern(_)) => {}
                other => panic!("{pattern}: {other:?}"),
            }
        }
        assert!(FilterPattern::parse(&"a".repeat(1025)).is_err());
        assert!(FilterPattern::parse(&"a".repeat(1024)).is_ok());
    }
}
