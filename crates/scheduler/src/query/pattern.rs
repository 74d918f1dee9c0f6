//! The pattern side of `=~` / `!~`: a small, linear-time subset of the Java
//! regular expressions ECS documents, matched against the whole value (Java's
//! `matches()`), so `t2.*` selects every `t2` instance type.
//!
//! Supported: literals, `.`, escapes (`\.`, `\d`, `\w`, `\s` and their negations),
//! classes (`[a-z0-9_]`, `[^...]`), the quantifiers `*`, `+`, `?`, and a leading
//! `^` / trailing `$` (no-ops under whole-value matching). Groups, alternation and
//! counted repetition are rejected when the expression is parsed rather than
//! silently mis-matched. Matching simulates the automaton with a bit set, so it
//! costs O(value × pattern) and cannot blow up on hostile patterns.

use std::fmt;

/// The most atoms a pattern may have: one bit each in the simulation's `u128`.
const MAX_ATOMS: usize = 127;

#[derive(Debug, Clone, PartialEq)]
enum Class {
    Any,
    Char(char),
    Digit(bool),
    Word(bool),
    Space(bool),
    Set {
        negated: bool,
        items: Vec<(char, char)>,
    },
}

impl Class {
    fn matches(&self, c: char) -> bool {
        match self {
            Class::Any => true,
            Class::Char(x) => *x == c,
            Class::Digit(neg) => c.is_ascii_digit() != *neg,
            Class::Word(neg) => (c.is_alphanumeric() || c == '_') != *neg,
            Class::Space(neg) => c.is_whitespace() != *neg,
            Class::Set { negated, items } => {
                items.iter().any(|(lo, hi)| (*lo..=*hi).contains(&c)) != *negated
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Rep {
    One,
    Opt,
    Star,
    Plus,
}

/// A compiled `=~` pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    source: String,
    atoms: Vec<(Class, Rep)>,
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

/// Why a pattern did not compile: the character offset within the pattern and
/// what was expected there.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternError {
    pub offset: usize,
    pub expected: &'static str,
}

impl Pattern {
    pub fn compile(source: &str) -> Result<Pattern, PatternError> {
        let chars: Vec<char> = source.chars().collect();
        let mut atoms: Vec<(Class, Rep)> = Vec::new();
        let mut i = 0;
        // `^` and `$` anchor nothing extra: the whole value must match anyway.
        if chars.first() == Some(&'^') {
            i = 1;
        }
        let end = if chars.len() > i
            && chars.last() == Some(&'$')
            && !escaped_at(&chars, chars.len() - 1)
        {
            chars.len() - 1
        } else {
            chars.len()
        };
        while i < end {
            let c = chars[i];
            let class = match c {
                '.' => Class::Any,
                '\\' => {
                    i += 1;
                    let e = *chars.get(i).filter(|_| i < end).ok_or(PatternError {
                        offset: i,
                        expected: "a character after '\\'",
                    })?;
                    escape_class(e)
                }
                '[' => {
                    let (class, next) = parse_set(&chars, i, end)?;
                    i = next - 1;
                    class
                }
                '*' | '+' | '?' => {
                    return Err(PatternError {
                        offset: i,
                        expected: "a character before a quantifier",
                    })
                }
                '(' | ')' | '|' | '{' | '}' => {
                    return Err(PatternError {
                        offset: i,
                        expected: "a supported pattern (groups, '|' and '{n}' are not supported)",
                    })
                }
                other => Class::Char(other),
            };
            i += 1;
            let rep = match chars.get(i).filter(|_| i < end) {
                Some('*') => Rep::Star,
                Some('+') => Rep::Plus,
                Some('?') => Rep::Opt,
                _ => Rep::One,
            };
            if rep != Rep::One {
                i += 1;
                if matches!(chars.get(i).filter(|_| i < end), Some('*' | '+' | '?')) {
                    return Err(PatternError {
                        offset: i,
                        expected: "one quantifier per character",
                    });
                }
            }
            atoms.push((class, rep));
            if atoms.len() > MAX_ATOMS {
                return Err(PatternError {
                    offset: i,
                    expected: "a pattern of at most 127 elements",
                });
            }
        }
        Ok(Pattern {
            source: source.to_string(),
            atoms,
        })
    }

    /// Whether the whole of `value` matches.
    pub fn is_match(&self, value: &str) -> bool {
        let n = self.atoms.len();
        let mut set = self.closure(1u128);
        for c in value.chars() {
            let mut next = 0u128;
            let mut bits = set;
            while bits != 0 {
                let p = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if p == n {
                    continue;
                }
                let (class, rep) = &self.atoms[p];
                if class.matches(c) {
                    match rep {
                        Rep::One | Rep::Opt => next |= 1 << (p + 1),
                        Rep::Star | Rep::Plus => next |= (1 << p) | (1 << (p + 1)),
                    }
                }
            }
            if next == 0 {
                return false;
            }
            set = self.closure(next);
        }
        set & (1 << n) != 0
    }

    /// Adds the states reachable by skipping optional atoms (`*`, `?`).
    fn closure(&self, mut set: u128) -> u128 {
        for (p, (_, rep)) in self.atoms.iter().enumerate() {
            if set & (1 << p) != 0 && matches!(rep, Rep::Star | Rep::Opt) {
                set |= 1 << (p + 1);
            }
        }
        set
    }
}

fn escaped_at(chars: &[char], idx: usize) -> bool {
    let backslashes = chars[..idx]
        .iter()
        .rev()
        .take_while(|c| **c == '\\')
        .count();
    backslashes % 2 == 1
}

fn escape_class(e: char) -> Class {
    match e {
        'd' => Class::Digit(false),
        'D' => Class::Digit(true),
        'w' => Class::Word(false),
        'W' => Class::Word(true),
        's' => Class::Space(false),
        'S' => Class::Space(true),
        't' => Class::Char('\t'),
        'n' => Class::Char('\n'),
        other => Class::Char(other),
    }
}

/// Parses `[...]` starting at `start` (the `[`); returns the class and the index
/// just past the closing `]`.
fn parse_set(chars: &[char], start: usize, end: usize) -> Result<(Class, usize), PatternError> {
    let mut i = start + 1;
    let negated = chars.get(i) == Some(&'^');
    if negated {
        i += 1;
    }
    let mut items = Vec::new();
    let mut first = true;
    loop {
        let c = *chars.get(i).filter(|_| i < end).ok_or(PatternError {
            offset: i,
            expected: "']' to close the character class",
        })?;
        if c == ']' && !first {
            return Ok((Class::Set { negated, items }, i + 1));
        }
        first = false;
        let lo = if c == '\\' {
            i += 1;
            *chars.get(i).filter(|_| i < end).ok_or(PatternError {
                offset: i,
                expected: "a character after '\\'",
            })?
        } else {
            c
        };
        i += 1;
        if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|c| *c != ']') && i + 1 < end
        {
            let hi = chars[i + 1];
            if hi < lo {
                return Err(PatternError {
                    offset: i + 1,
                    expected: "a range in ascending order",
                });
            }
            items.push((lo, hi));
            i += 2;
        } else {
            items.push((lo, lo));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, v: &str) -> bool {
        Pattern::compile(p).expect("pattern compiles").is_match(v)
    }

    #[test]
    fn matches_whole_values() {
        let table: &[(&str, &str, bool)] = &[
            ("t2.*", "t2.micro", true),
            ("t2.*", "t2", true),
            ("t2.*", "m5.large", false),
            ("t2.*", "xt2.micro", false),
            ("t2\\..*", "t2x", false),
            ("t2\\..*", "t2.small", true),
            ("us-east-1[ab]", "us-east-1a", true),
            ("us-east-1[ab]", "us-east-1c", false),
            ("us-east-1[^ab]", "us-east-1c", true),
            ("m5.[0-9]*xlarge", "m5.12xlarge", true),
            ("m5.[0-9]*xlarge", "m5.xlarge", true),
            ("m5.[0-9]+xlarge", "m5.xlarge", false),
            ("colou?r", "color", true),
            ("colou?r", "colour", true),
            ("\\d+", "123", true),
            ("\\d+", "12a", false),
            ("^linux$", "linux", true),
            (
                "a*a*a*a*a*a*a*a*a*a*b",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                false,
            ),
            ("", "", true),
            ("", "x", false),
        ];
        for (p, v, want) in table {
            assert_eq!(m(p, v), *want, "{p} =~ {v}");
        }
    }

    #[test]
    fn rejects_unsupported_syntax() {
        for p in ["(a|b)", "a{2}", "*a", "a**", "[ab", "a\\", "[z-a]"] {
            assert!(Pattern::compile(p).is_err(), "{p} should not compile");
        }
    }
}
