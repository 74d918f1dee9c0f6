//! Wildcard patterns of policies (`ecs:Describe*`, `arn:aws:ecs:*:*:cluster/${aws:username}`),
//! compiled once when a policy is parsed and matched without allocating.
//!
//! A pattern is a list of tokens: literal text, policy variables (replaced by a value from
//! the request context when matched), `?` (one character) and `*` (any run of characters).
//! Which of those a pattern may hold depends on where it stands ([`Syntax`]): actions have
//! wildcards and ignore case; resources and `Arn*` condition values have wildcards, policy
//! variables and ARN segments; `StringEquals` values have variables but no wildcards.
//!
//! ARN segments follow IAM: `?` and `*` stay inside the first five colon-separated segments
//! (`arn`, partition, service, region, account), except that a `*` which is the last
//! character of its segment may run on across colons (so `arn:aws:ecs:*` covers every
//! `ecs` ARN); in the sixth segment (the resource) a `*` spans `:` and `/` freely. Colons
//! inside a variable's value do not count as segment separators.
//!
//! Matching is the classic greedy glob when every `*` may span anything: anchor the text
//! before the first `*` and after the last one, and find the pieces between at their
//! leftmost places (O(text × pattern), no allocation). A pattern with a `*` that must not
//! cross a colon needs real backtracking, so it is matched by dynamic programming over the
//! text positions instead (two boolean rows, allocated per match; only ARN patterns with a
//! `*` inside one of the first five segments take this path).

use super::context::{is_condition_key, normalize_key, Context};

/// What a pattern may contain and how it compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Syntax {
    /// `*` and `?` are wildcards (else literal characters).
    pub wildcards: bool,
    /// Letters compare regardless of case.
    pub fold_case: bool,
    /// `${key}` is a policy variable (policy version 2012-10-17), and `${*}`, `${?}` and
    /// `${$}` stand for the literal characters.
    pub variables: bool,
    /// The pattern is an ARN, and its wildcards follow ARN segments (see the module doc).
    pub arn: bool,
}

impl Syntax {
    /// `Action` and `NotAction` entries: wildcards, any case.
    pub(crate) const ACTION: Syntax = Syntax {
        wildcards: true,
        fold_case: true,
        variables: false,
        arn: false,
    };

    /// `Resource` and `NotResource` entries and `Arn*` condition values.
    pub(crate) fn arn(variables: bool) -> Syntax {
        Syntax {
            wildcards: true,
            fold_case: false,
            variables,
            arn: true,
        }
    }

    /// `String*` condition values.
    pub(crate) fn string(wildcards: bool, fold_case: bool, variables: bool) -> Syntax {
        Syntax {
            wildcards,
            fold_case,
            variables,
            arn: false,
        }
    }
}

/// A policy variable: `${key}` or `${key, 'default'}`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Variable {
    /// The condition key, lower-cased.
    key: Box<str>,
    /// Used when the key is absent or has other than one value.
    default: Option<Box<str>>,
}

impl Variable {
    /// The text the variable stands for in this request. IAM replaces a variable only with
    /// a single value; without one (and no default) nothing can match it.
    fn resolve<'a>(&'a self, context: &'a Context) -> Option<&'a str> {
        context.single_lower(&self.key).or(self.default.as_deref())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Literal(Box<str>),
    Variable(Variable),
    /// `?`; `colon` says whether the character may be `:`.
    AnyChar {
        colon: bool,
    },
    /// `*`; `colon` says whether the run may contain `:`.
    AnyRun {
        colon: bool,
    },
}

/// How a pattern is matched, decided once at compile time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A lone `*`: matches every text.
    Everything,
    /// No wildcards: the text must equal the pattern (variables replaced).
    Exact,
    /// Wildcards, and every `*` may span anything: greedy matching.
    Glob,
    /// Some `*` may not cross a colon: dynamic programming.
    Segmented,
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    tokens: Box<[Token]>,
    fold_case: bool,
    shape: Shape,
    /// How many `AnyRun` tokens there are (the greedy matcher's pieces are one more).
    runs: usize,
}

impl Pattern {
    /// Compiles `text`; the error says what is wrong with a policy variable in it.
    pub(crate) fn compile(text: &str, syntax: Syntax) -> Result<Pattern, String> {
        let mut tokens = tokenize(text, syntax)?;
        if syntax.arn {
            mark_arn_segments(&mut tokens);
        }
        let runs = tokens
            .iter()
            .filter(|t| matches!(t, Token::AnyRun { .. }))
            .count();
        let wild = runs > 0 || tokens.iter().any(|t| matches!(t, Token::AnyChar { .. }));
        let shape = if matches!(tokens.as_slice(), [Token::AnyRun { colon: true }]) {
            Shape::Everything
        } else if !wild {
            Shape::Exact
        } else if tokens
            .iter()
            .any(|t| matches!(t, Token::AnyRun { colon: false }))
        {
            Shape::Segmented
        } else {
            Shape::Glob
        };
        Ok(Pattern {
            tokens: tokens.into_boxed_slice(),
            fold_case: syntax.fold_case,
            shape,
            runs,
        })
    }

    /// Whether the pattern matches all of `text`, with variables taken from `context`.
    pub(crate) fn matches(&self, text: &str, context: &Context) -> bool {
        let matcher = Matcher {
            text,
            fold_case: self.fold_case,
            context,
        };
        match self.shape {
            Shape::Everything => true,
            Shape::Exact => matcher.piece_at(&self.tokens, 0) == Some(text.len()),
            Shape::Glob => matcher.glob(&self.tokens, self.runs),
            Shape::Segmented => matcher.segmented(&self.tokens),
        }
    }
}

/// Splits `text` into tokens.
fn tokenize(text: &str, syntax: Syntax) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut literal = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if syntax.variables && rest.starts_with("${") {
            let (token, used) = variable(rest)?;
            rest = &rest[used..];
            match token {
                Token::Literal(text) => literal.push_str(&text),
                token => {
                    flush(&mut literal, &mut tokens);
                    tokens.push(token);
                }
            }
            continue;
        }
        rest = &rest[c.len_utf8()..];
        match c {
            '*' if syntax.wildcards => {
                flush(&mut literal, &mut tokens);
                tokens.push(Token::AnyRun { colon: true });
            }
            '?' if syntax.wildcards => {
                flush(&mut literal, &mut tokens);
                tokens.push(Token::AnyChar { colon: true });
            }
            c => literal.push(c),
        }
    }
    flush(&mut literal, &mut tokens);
    Ok(tokens)
}

fn flush(literal: &mut String, tokens: &mut Vec<Token>) {
    if !literal.is_empty() {
        tokens.push(Token::Literal(std::mem::take(literal).into_boxed_str()));
    }
}

/// Reads the policy variable `text` starts with (`${…}`), and how many bytes it takes.
fn variable(text: &str) -> Result<(Token, usize), String> {
    let usage = "write ${key} or ${key, 'default'}, and ${$} for a literal \"$\"";
    let mut quoted = false;
    let mut close = None;
    for (at, c) in text.char_indices().skip(2) {
        match c {
            '\'' => quoted = !quoted,
            '}' if !quoted => {
                close = Some(at);
                break;
            }
            _ => {}
        }
    }
    let Some(close) = close else {
        return Err(format!(
            "the policy variable in \"{text}\" has no closing \"}}\"; {usage}"
        ));
    };
    let whole = &text[..=close];
    let inner = text[2..close].trim();
    match inner {
        "*" | "?" | "$" => return Ok((Token::Literal(inner.into()), close + 1)),
        _ => {}
    }
    let (key, default) = match inner.split_once(',') {
        Some((key, default)) => (key.trim(), Some(default_value(default.trim(), whole)?)),
        None => (inner, None),
    };
    if !is_condition_key(key) {
        return Err(format!(
            "the policy variable \"{whole}\" does not name a condition key such as \
             aws:username; {usage}"
        ));
    }
    let variable = Variable {
        key: normalize_key(key).into_boxed_str(),
        default: default.map(String::into_boxed_str),
    };
    Ok((Token::Variable(variable), close + 1))
}

/// The text of a variable's default: `'…'`, with `''` standing for one quote.
fn default_value(quoted: &str, whole: &str) -> Result<String, String> {
    let inner = quoted
        .strip_prefix('\'')
        .and_then(|rest| rest.strip_suffix('\''))
        .filter(|inner| !inner.replace("''", "").contains('\''));
    inner.map(|inner| inner.replace("''", "'")).ok_or_else(|| {
        format!(
            "the default value of the policy variable \"{whole}\" must be in single quotes, \
             with '' for a quote inside it"
        )
    })
}

/// Restricts the wildcards of the first five ARN segments (see the module doc).
fn mark_arn_segments(tokens: &mut [Token]) {
    let mut colons = 0;
    for at in 0..tokens.len() {
        let ends_segment = match tokens.get(at + 1) {
            None => true,
            Some(Token::Literal(text)) => text.starts_with(':'),
            Some(_) => false,
        };
        match &mut tokens[at] {
            Token::Literal(text) => colons += text.matches(':').count(),
            Token::AnyChar { colon } => *colon = colons >= 5,
            Token::AnyRun { colon } => *colon = colons >= 5 || ends_segment,
            Token::Variable(_) => {}
        }
    }
}

/// One match of a pattern against one text.
struct Matcher<'a> {
    text: &'a str,
    fold_case: bool,
    context: &'a Context,
}

impl Matcher<'_> {
    /// Greedy glob matching, for patterns whose every `*` spans anything.
    fn glob(&self, tokens: &[Token], runs: usize) -> bool {
        let mut pieces = tokens.split(|t| matches!(t, Token::AnyRun { .. }));
        let Some(first) = pieces.next() else {
            return false;
        };
        let Some(mut at) = self.piece_at(first, 0) else {
            return false;
        };
        let mut left = runs;
        for piece in pieces {
            left -= 1;
            if left == 0 {
                return self.piece_at_end(piece, at);
            }
            match self.find_piece(piece, at) {
                Some(end) => at = end,
                None => return false,
            }
        }
        // Only a pattern without `*` ends here, and those are matched as `Exact`.
        at == self.text.len()
    }

    /// Matches a piece (tokens without `*`) at byte `at`; returns where it ends.
    fn piece_at(&self, piece: &[Token], mut at: usize) -> Option<usize> {
        for token in piece {
            at = self.token_at(token, at)?;
        }
        Some(at)
    }

    /// The end of the leftmost match of `piece` starting at or after `from`.
    fn find_piece(&self, piece: &[Token], from: usize) -> Option<usize> {
        let rest = &self.text[from..];
        rest.char_indices()
            .map(|(at, _)| from + at)
            .chain(std::iter::once(self.text.len()))
            .find_map(|start| self.piece_at(piece, start))
    }

    /// Whether `piece` matches the end of the text, starting at or after `from`.
    fn piece_at_end(&self, piece: &[Token], from: usize) -> bool {
        // Every token matches a fixed number of characters, so the piece's start is known.
        let mut chars = 0;
        for token in piece {
            chars += match token {
                Token::Literal(text) => text.chars().count(),
                Token::Variable(variable) => match variable.resolve(self.context) {
                    Some(value) => value.chars().count(),
                    None => return false,
                },
                Token::AnyChar { .. } => 1,
                Token::AnyRun { .. } => return false,
            };
        }
        let start = if chars == 0 {
            self.text.len()
        } else {
            match self.text[from..].char_indices().rev().nth(chars - 1) {
                Some((at, _)) => from + at,
                None => return false,
            }
        };
        self.piece_at(piece, start) == Some(self.text.len())
    }

    /// Matches one token that is not `*` at byte `at`; returns where it ends.
    fn token_at(&self, token: &Token, at: usize) -> Option<usize> {
        match token {
            Token::Literal(literal) => self.literal_at(literal, at),
            Token::Variable(variable) => self.literal_at(variable.resolve(self.context)?, at),
            Token::AnyChar { colon } => {
                let c = self.text[at..].chars().next()?;
                (*colon || c != ':').then(|| at + c.len_utf8())
            }
            Token::AnyRun { .. } => None,
        }
    }

    fn literal_at(&self, literal: &str, at: usize) -> Option<usize> {
        let rest = &self.text[at..];
        if !self.fold_case {
            return rest.starts_with(literal).then(|| at + literal.len());
        }
        // Actions and most values are ASCII: compare bytes when both sides are. Each
        // character of the literal needs a character (one byte or more) of the text.
        if literal.is_ascii() {
            let candidate = rest.as_bytes().get(..literal.len())?;
            if candidate.is_ascii() {
                return candidate
                    .eq_ignore_ascii_case(literal.as_bytes())
                    .then(|| at + literal.len());
            }
        }
        let mut end = at;
        let mut text = rest.chars();
        for wanted in literal.chars() {
            let got = text.next()?;
            if !same_letter(wanted, got) {
                return None;
            }
            end += got.len_utf8();
        }
        Some(end)
    }

    /// Matching by dynamic programming over text positions, for patterns with a `*` that
    /// must not cross a colon.
    fn segmented(&self, tokens: &[Token]) -> bool {
        let len = self.text.len();
        // reach[i]: the tokens so far can match exactly text[..i].
        let mut reach = vec![false; len + 1];
        let mut next = vec![false; len + 1];
        reach[0] = true;
        for token in tokens {
            next.fill(false);
            let mut any = false;
            if let Token::AnyRun { colon } = token {
                let mut open = false;
                let mut at = 0;
                loop {
                    open |= reach[at];
                    next[at] = open;
                    any |= open;
                    let Some(c) = self.text[at..].chars().next() else {
                        break;
                    };
                    if c == ':' && !colon {
                        open = false;
                    }
                    at += c.len_utf8();
                }
            } else {
                for (at, reached) in reach.iter().enumerate() {
                    if *reached {
                        if let Some(end) = self.token_at(token, at) {
                            next[end] = true;
                            any = true;
                        }
                    }
                }
            }
            if !any {
                return false;
            }
            std::mem::swap(&mut reach, &mut next);
        }
        reach[len]
    }
}

/// Case-insensitive equality of two characters.
pub(crate) fn same_letter(a: char, b: char) -> bool {
    if a == b {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(&b);
    }
    a.to_lowercase().eq(b.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn glob(pattern: &str) -> Pattern {
        Pattern::compile(pattern, Syntax::string(true, false, false)).unwrap()
    }

    fn arn(pattern: &str) -> Pattern {
        Pattern::compile(pattern, Syntax::arn(true)).unwrap()
    }

    fn none() -> Context {
        Context::new()
    }

    #[test]
    fn actions_ignore_case_and_take_wildcards() {
        let describe = Pattern::compile("ecs:Describe*", Syntax::ACTION).unwrap();
        assert!(describe.matches("ecs:DescribeClusters", &none()));
        assert!(describe.matches("ECS:describeTASKS", &none()));
        assert!(describe.matches("ecs:Describe", &none()));
        assert!(!describe.matches("ecs:ListClusters", &none()));
        assert!(!describe.matches("ec2:DescribeInstances", &none()));
        let one = Pattern::compile("ecs:?unTask", Syntax::ACTION).unwrap();
        assert!(one.matches("ecs:RunTask", &none()));
        assert!(!one.matches("ecs:RRunTask", &none()));
    }

    #[test]
    fn exact_and_everything_shapes() {
        let exact = Pattern::compile("a*b", Syntax::string(false, false, false)).unwrap();
        assert_eq!(exact.shape, Shape::Exact);
        assert!(exact.matches("a*b", &none()));
        assert!(!exact.matches("axb", &none()));
        let all = glob("*");
        assert_eq!(all.shape, Shape::Everything);
        assert!(all.matches("", &none()) && all.matches("anything:at/all", &none()));
    }

    #[test]
    fn resources_are_case_sensitive_and_star_spans_the_resource_segment() {
        let clusters = arn("arn:aws:ecs:us-east-1:000000000000:cluster/*");
        assert!(clusters.matches("arn:aws:ecs:us-east-1:000000000000:cluster/prod", &none()));
        assert!(clusters.matches("arn:aws:ecs:us-east-1:000000000000:cluster/a:b/c", &none()));
        assert!(!clusters.matches("arn:aws:ecs:us-east-1:000000000000:Cluster/prod", &none()));
        assert!(!clusters.matches("arn:aws:ecs:us-east-1:000000000000:service/x", &none()));
    }

    #[test]
    fn a_star_ending_an_arn_segment_runs_across_colons() {
        let all_ecs = arn("arn:aws:ecs:*");
        assert_eq!(all_ecs.shape, Shape::Glob);
        assert!(all_ecs.matches("arn:aws:ecs:us-east-1:000000000000:cluster/prod", &none()));
        assert!(!all_ecs.matches("arn:aws:iam::000000000000:role/x", &none()));
        let any_region = arn("arn:aws:ecs:*:000000000000:cluster/prod");
        assert!(any_region.matches("arn:aws:ecs:eu-west-3:000000000000:cluster/prod", &none()));
    }

    #[test]
    fn a_star_inside_an_arn_segment_stays_in_it() {
        let pattern = arn("arn:aws:*s:r:a:x");
        assert_eq!(pattern.shape, Shape::Segmented);
        assert!(pattern.matches("arn:aws:ecs:r:a:x", &none()));
        // A plain glob would let `*` take "ecs:foo:bar".
        assert!(glob("arn:aws:*s:r:a:x").matches("arn:aws:ecs:foo:bars:r:a:x", &none()));
        assert!(!pattern.matches("arn:aws:ecs:foo:bars:r:a:x", &none()));
        let region = arn("arn:aws:ecs:us-*-1:000000000000:cluster/prod");
        assert!(region.matches("arn:aws:ecs:us-east-1:000000000000:cluster/prod", &none()));
        assert!(!region.matches("arn:aws:ecs:us-east-2:000000000000:cluster/prod", &none()));
        let question = arn("arn:aws:ecs?us-east-1:0:x");
        assert!(!question.matches("arn:aws:ecs:us-east-1:0:x", &none()));
    }

    #[test]
    fn variables_are_replaced_by_single_values_as_literal_text() {
        let own = arn("arn:aws:ecs:*:*:cluster/${aws:username}-*");
        let alice = Context::new().with("aws:UserName", "alice");
        assert!(own.matches("arn:aws:ecs:us-east-1:0:cluster/alice-dev", &alice));
        assert!(!own.matches("arn:aws:ecs:us-east-1:0:cluster/bob-dev", &alice));
        assert!(!own.matches("arn:aws:ecs:us-east-1:0:cluster/alice-dev", &none()));
        let starry = Context::new().with("aws:username", "a*");
        assert!(own.matches("arn:aws:ecs:r:0:cluster/a*-x", &starry));
        assert!(
            !own.matches("arn:aws:ecs:r:0:cluster/ab-x", &starry),
            "values are literal"
        );
        let two = Context::new()
            .with("aws:username", "a")
            .with("aws:username", "b");
        assert!(
            !own.matches("arn:aws:ecs:r:0:cluster/a-x", &two),
            "needs one value"
        );
    }

    #[test]
    fn variable_defaults_and_escapes() {
        let pattern = arn("arn:aws:s3:::${aws:username, 'it''s'}/${*}${?}${$}");
        assert!(pattern.matches("arn:aws:s3:::it's/*?$", &none()));
        assert!(!pattern.matches("arn:aws:s3:::it's/ab$", &none()));
        let with_user = Context::new().with("aws:username", "bob");
        assert!(pattern.matches("arn:aws:s3:::bob/*?$", &with_user));
        let spaced = arn("x/${ aws:username , 'a,b' }");
        assert!(spaced.matches("x/a,b", &none()));
    }

    #[test]
    fn without_variables_dollar_braces_are_text() {
        let legacy = Pattern::compile("x/${aws:username}", Syntax::arn(false)).unwrap();
        assert!(legacy.matches("x/${aws:username}", &none()));
    }

    #[test]
    fn malformed_variables_are_refused() {
        for bad in [
            "${aws:username",
            "${username}",
            "${}",
            "${aws:a, b}",
            "${aws:a, 'b'c'}",
        ] {
            let err = Pattern::compile(bad, Syntax::arn(true)).unwrap_err();
            assert!(err.contains("policy variable"), "{bad}: {err}");
        }
    }

    /// The reference: a direct recursive reading of the wildcard rules.
    #[derive(Debug, Clone, Copy)]
    enum Ref {
        Lit(char),
        One { colon: bool },
        Run { colon: bool },
    }

    fn reference(pattern: &[Ref], text: &[char], fold: bool) -> bool {
        match pattern.split_first() {
            None => text.is_empty(),
            Some((Ref::Lit(c), rest)) => {
                !text.is_empty()
                    && (if fold {
                        c.to_lowercase().eq(text[0].to_lowercase())
                    } else {
                        *c == text[0]
                    })
                    && reference(rest, &text[1..], fold)
            }
            Some((Ref::One { colon }, rest)) => {
                !text.is_empty() && (*colon || text[0] != ':') && reference(rest, &text[1..], fold)
            }
            Some((Ref::Run { colon }, rest)) => (0..=text.len()).any(|taken| {
                text[..taken].iter().all(|c| *colon || *c != ':')
                    && reference(rest, &text[taken..], fold)
            }),
        }
    }

    /// The reference tokens of a pattern without variables; `arn` applies the segment rule
    /// as the IAM documentation words it.
    fn reference_tokens(pattern: &str, arn: bool) -> Vec<Ref> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut segment = 0;
        let mut out = Vec::new();
        for (at, c) in chars.iter().enumerate() {
            let last_in_segment = chars.get(at + 1).is_none_or(|next| *next == ':');
            let free = !arn || segment >= 5;
            out.push(match c {
                '*' => Ref::Run {
                    colon: free || last_in_segment,
                },
                '?' => Ref::One { colon: free },
                c => Ref::Lit(*c),
            });
            if *c == ':' {
                segment += 1;
            }
        }
        out
    }

    /// Compiles `pattern` with `syntax` and checks it decides `text` as the reference does.
    fn agrees(pattern: &str, text: &str, syntax: Syntax) -> Result<(), TestCaseError> {
        let compiled = Pattern::compile(pattern, syntax).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let expected = reference(
            &reference_tokens(pattern, syntax.arn),
            &chars,
            syntax.fold_case,
        );
        prop_assert_eq!(
            compiled.matches(text, &none()),
            expected,
            "pattern {:?} text {:?}",
            pattern,
            text
        );
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn glob_agrees_with_the_reference(
            pattern in "[ab:/*?]{0,10}",
            text in "[ab:/]{0,10}",
        ) {
            agrees(&pattern, &text, Syntax::string(true, false, false))?;
        }

        #[test]
        fn arn_matching_agrees_with_the_reference(
            pattern in "[ab:*?]{0,14}",
            text in "[ab:]{0,14}",
        ) {
            agrees(&pattern, &text, Syntax::arn(false))?;
        }

        #[test]
        fn folded_matching_agrees_with_the_reference(
            pattern in "[aAbBé É*?]{0,10}",
            text in "[aAbBé É]{0,10}",
        ) {
            agrees(&pattern, &text, Syntax::ACTION)?;
        }

        #[test]
        fn variables_match_as_their_literal_value(
            pattern in "[ab*?#]{0,8}",
            value in "[ab*?]{0,3}",
            text in "[ab*?]{0,10}",
        ) {
            // `#` stands for the variable; the reference sees the value as literal text.
            let with_variable = pattern.replace('#', "${aws:v}");
            let compiled = Pattern::compile(&with_variable, Syntax::string(true, false, true))
                .unwrap();
            let context = Context::new().with("aws:v", value.clone());
            let mut expected = Vec::new();
            for c in pattern.chars() {
                match c {
                    '#' => expected.extend(value.chars().map(Ref::Lit)),
                    '*' => expected.push(Ref::Run { colon: true }),
                    '?' => expected.push(Ref::One { colon: true }),
                    c => expected.push(Ref::Lit(c)),
                }
            }
            let chars: Vec<char> = text.chars().collect();
            prop_assert_eq!(
                compiled.matches(&text, &context),
                reference(&expected, &chars, false),
                "pattern {:?} value {:?} text {:?}", with_variable, value, text
            );
        }
    }
}
