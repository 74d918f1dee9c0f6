//! The `Condition` element: operators, their values compiled at parse time, and IAM's
//! rules for evaluating them against a request context.
//!
//! A block is true when every condition in it is true (AND across operators and keys). One
//! condition tests one key against a list of values:
//! - a positive operator (`StringEquals`, `NumericLessThan`, `IpAddress`, …) is true when a
//!   value of the key matches any of the policy's values (OR across values);
//! - a negated operator (`StringNotEquals`, `ArnNotLike`, `NotIpAddress`, …) is exactly the
//!   negation of its positive form, so it is true when no value of the key matches any of
//!   the policy's values, and in particular when the key is absent;
//! - `…IfExists` makes the condition true when the key is absent (or has no values), and
//!   otherwise changes nothing;
//! - `ForAnyValue:` is true when at least one of the key's values satisfies the operator
//!   (false when the key is absent or empty); `ForAllValues:` when every value does (true
//!   when the key is absent or empty). With a negated operator the negation applies to each
//!   value: `ForAllValues:StringNotEquals` means "no value is one of these";
//! - `Null` is true when the key's absence (or empty value set) is what the policy says
//!   (`"true"`: absent, `"false"`: present).
//!
//! A request value that cannot be read as the operator's type (a number, a date, a boolean,
//! an IP address) matches none of the policy's values. Keys compare case-insensitively;
//! values compare as each operator says (`String*` and `Arn*` case-sensitively, except the
//! `IgnoreCase` forms; `Bool` ignores case).

use std::net::IpAddr;
use std::str::FromStr;

use ipnet::IpNet;
use time::format_description::well_known::Iso8601;
use time::{Date, OffsetDateTime, PrimitiveDateTime};

use super::context::{is_condition_key, normalize_key, Context};
use super::error::PolicyError;
use super::json::Json;
use super::pattern::{Pattern, Syntax};

/// How a value of the key is compared with the policy's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Test {
    String { like: bool, fold_case: bool },
    Numeric(Compare),
    Date(Compare),
    Bool,
    Binary,
    Ip,
    Arn,
    Null,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compare {
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

impl Compare {
    fn holds<T: PartialOrd>(self, request: T, policy: T) -> bool {
        match self {
            Compare::Equal => request == policy,
            Compare::Less => request < policy,
            Compare::LessOrEqual => request <= policy,
            Compare::Greater => request > policy,
            Compare::GreaterOrEqual => request >= policy,
        }
    }
}

/// Every operator IAM knows: its name, its test, and whether it is the negated form.
const OPERATORS: &[(&str, Test, bool)] = {
    const fn string(like: bool, fold_case: bool) -> Test {
        Test::String { like, fold_case }
    }
    use Compare::*;
    &[
        ("StringEquals", string(false, false), false),
        ("StringNotEquals", string(false, false), true),
        ("StringEqualsIgnoreCase", string(false, true), false),
        ("StringNotEqualsIgnoreCase", string(false, true), true),
        ("StringLike", string(true, false), false),
        ("StringNotLike", string(true, false), true),
        ("NumericEquals", Test::Numeric(Equal), false),
        ("NumericNotEquals", Test::Numeric(Equal), true),
        ("NumericLessThan", Test::Numeric(Less), false),
        ("NumericLessThanEquals", Test::Numeric(LessOrEqual), false),
        ("NumericGreaterThan", Test::Numeric(Greater), false),
        (
            "NumericGreaterThanEquals",
            Test::Numeric(GreaterOrEqual),
            false,
        ),
        ("DateEquals", Test::Date(Equal), false),
        ("DateNotEquals", Test::Date(Equal), true),
        ("DateLessThan", Test::Date(Less), false),
        ("DateLessThanEquals", Test::Date(LessOrEqual), false),
        ("DateGreaterThan", Test::Date(Greater), false),
        ("DateGreaterThanEquals", Test::Date(GreaterOrEqual), false),
        ("Bool", Test::Bool, false),
        ("BinaryEquals", Test::Binary, false),
        ("IpAddress", Test::Ip, false),
        ("NotIpAddress", Test::Ip, true),
        ("ArnEquals", Test::Arn, false),
        ("ArnLike", Test::Arn, false),
        ("ArnNotEquals", Test::Arn, true),
        ("ArnNotLike", Test::Arn, true),
        ("Null", Test::Null, false),
    ]
};

/// `ForAnyValue:` or `ForAllValues:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SetQualifier {
    AnyValue,
    AllValues,
}

/// The policy's values, read once as the operator's type.
#[derive(Debug, Clone)]
enum Values {
    Patterns(Box<[Pattern]>),
    Numbers(Box<[f64]>),
    /// Nanoseconds since the Unix epoch.
    Dates(Box<[i128]>),
    Bools(Box<[bool]>),
    Binary(Box<[Box<str>]>),
    Networks(Box<[IpNet]>),
}

/// One operator applied to one key.
#[derive(Debug, Clone)]
pub(crate) struct Condition {
    test: Test,
    negated: bool,
    set: Option<SetQualifier>,
    if_exists: bool,
    /// The condition key, lower-cased.
    key: Box<str>,
    values: Values,
}

/// Compiles a statement's `Condition` element. `place` names the statement in messages;
/// `variables` says whether policy variables are live (policy version 2012-10-17).
pub(crate) fn compile_block(
    block: &Json,
    place: &str,
    variables: bool,
) -> Result<Vec<Condition>, PolicyError> {
    let Json::Object(operators) = block else {
        return Err(PolicyError::syntax(format_args!(
            "{place}: Condition must be an object of operators, such as \
             {{\"StringEquals\": {{\"ecs:cluster\": \"…\"}}}}, not {}.",
            block.type_name()
        )));
    };
    let mut conditions = Vec::new();
    for (name, keys) in operators {
        let (test, negated, set, if_exists) = operator(name, place)?;
        let Json::Object(keys) = keys else {
            return Err(PolicyError::syntax(format_args!(
                "{place}: the {name} condition must be an object of condition keys and \
                 values, not {}.",
                keys.type_name()
            )));
        };
        for (key, values) in keys {
            if !is_condition_key(key) {
                return Err(PolicyError::malformed(
                    "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
                    format_args!(
                        "{place}: the condition key \"{key}\" under {name} needs a vendor \
                         prefix, as in aws:username or ecs:cluster."
                    ),
                ));
            }
            let texts = value_texts(values).ok_or_else(|| {
                PolicyError::syntax(format_args!(
                    "{place}: the values of {key} under {name} must be a string, number or \
                     boolean, or a list of them, not {}.",
                    values.type_name()
                ))
            })?;
            let compiled = compile_values(test, &texts, variables)
                .map_err(|problem| problem.into_error(place, name, key))?;
            conditions.push(Condition {
                test,
                negated,
                set,
                if_exists,
                key: normalize_key(key).into_boxed_str(),
                values: compiled,
            });
        }
    }
    Ok(conditions)
}

/// Reads an operator name: `[ForAnyValue:|ForAllValues:]Name[IfExists]`.
fn operator(
    name: &str,
    place: &str,
) -> Result<(Test, bool, Option<SetQualifier>, bool), PolicyError> {
    let (set, rest) = if let Some(rest) = name.strip_prefix("ForAnyValue:") {
        (Some(SetQualifier::AnyValue), rest)
    } else if let Some(rest) = name.strip_prefix("ForAllValues:") {
        (Some(SetQualifier::AllValues), rest)
    } else {
        (None, name)
    };
    let (base, if_exists) = match rest.strip_suffix("IfExists") {
        Some(base) => (base, true),
        None => (rest, false),
    };
    let found = OPERATORS.iter().find(|(known, _, _)| *known == base);
    match found {
        Some((_, Test::Null, _)) if if_exists || set.is_some() => {
            Err(PolicyError::syntax(format_args!(
                "{place}: the condition operator \"{name}\" is not valid: Null takes neither \
                 IfExists nor ForAnyValue:/ForAllValues:; write \"Null\"."
            )))
        }
        Some((_, test, negated)) => Ok((*test, *negated, set, if_exists)),
        None => {
            let known: Vec<&str> = OPERATORS.iter().map(|(name, _, _)| *name).collect();
            Err(PolicyError::syntax(format_args!(
                "{place}: unknown condition operator \"{name}\". Use one of {}; any but Null \
                 may end in IfExists or start with ForAnyValue: or ForAllValues:.",
                known.join(", ")
            )))
        }
    }
}

/// A condition's values as text: JSON numbers and booleans as written.
fn value_texts(values: &Json) -> Option<Vec<String>> {
    fn one(value: &Json) -> Option<String> {
        match value {
            Json::String(text) | Json::Number(text) => Some(text.clone()),
            Json::Bool(value) => Some(value.to_string()),
            _ => None,
        }
    }
    match values {
        Json::Array(items) => items.iter().map(one).collect(),
        value => one(value).map(|text| vec![text]),
    }
}

/// Why a condition value was refused.
enum ValueProblem {
    /// Not of the operator's type: (the value, what it should be).
    Type(String, &'static str),
    /// A date IAM's legacy parser refuses.
    Date(String),
    /// A bad policy variable.
    Variable(String),
}

impl ValueProblem {
    fn into_error(self, place: &str, operator: &str, key: &str) -> PolicyError {
        match self {
            ValueProblem::Type(value, wanted) => PolicyError::syntax(format_args!(
                "{place}: the {operator} value \"{value}\" for {key} is not {wanted}."
            )),
            ValueProblem::Date(value) => PolicyError::malformed(
                "The policy failed legacy parsing",
                format_args!(
                    "because {place} has the {operator} value \"{value}\" for {key}, which is \
                     not a date: write ISO 8601 (2024-05-01T12:00:00Z) or seconds since 1970."
                ),
            ),
            ValueProblem::Variable(detail) => PolicyError::syntax(format_args!(
                "{place}: in the {operator} values for {key}, {detail}."
            )),
        }
    }
}

fn compile_values(test: Test, texts: &[String], variables: bool) -> Result<Values, ValueProblem> {
    fn each<T>(
        texts: &[String],
        read: impl Fn(&str) -> Result<T, ValueProblem>,
    ) -> Result<Box<[T]>, ValueProblem> {
        texts.iter().map(|text| read(text)).collect()
    }
    let pattern = |syntax: Syntax| {
        move |text: &str| Pattern::compile(text, syntax).map_err(ValueProblem::Variable)
    };
    let boolean = |text: &str| {
        parse_bool(text).ok_or_else(|| ValueProblem::Type(text.into(), "\"true\" or \"false\""))
    };
    Ok(match test {
        Test::String { like, fold_case } => Values::Patterns(each(
            texts,
            pattern(Syntax::string(like, fold_case, variables)),
        )?),
        Test::Arn => Values::Patterns(each(texts, pattern(Syntax::arn(variables)))?),
        Test::Numeric(_) => Values::Numbers(each(texts, |text| {
            parse_number(text).ok_or_else(|| ValueProblem::Type(text.into(), "a number"))
        })?),
        Test::Date(_) => Values::Dates(each(texts, |text| {
            parse_date(text).ok_or_else(|| ValueProblem::Date(text.into()))
        })?),
        Test::Bool | Test::Null => Values::Bools(each(texts, boolean)?),
        Test::Binary => Values::Binary(each(texts, |text| {
            if is_base64(text) {
                Ok(text.into())
            } else {
                Err(ValueProblem::Type(
                    text.into(),
                    "base64-encoded binary data",
                ))
            }
        })?),
        Test::Ip => Values::Networks(each(texts, |text| {
            parse_network(text).ok_or_else(|| {
                ValueProblem::Type(
                    text.into(),
                    "an IP address or CIDR range (such as 203.0.113.0/24 or 2001:db8::/32)",
                )
            })
        })?),
    })
}

impl Condition {
    /// Whether the condition holds for the request described by `context`.
    pub(crate) fn holds(&self, context: &Context) -> bool {
        let values = context.values_lower(&self.key);
        if self.test == Test::Null {
            let is_null = values.is_none_or(<[String]>::is_empty);
            let Values::Bools(wanted) = &self.values else {
                return false;
            };
            return wanted.contains(&is_null);
        }
        let present = values.filter(|values| !values.is_empty());
        match (present, self.set) {
            (None, _) if self.if_exists => true,
            (None, None) => self.negated,
            (None, Some(SetQualifier::AnyValue)) => false,
            (None, Some(SetQualifier::AllValues)) => true,
            (Some(values), None) => {
                values.iter().any(|value| self.matches(value, context)) != self.negated
            }
            (Some(values), Some(SetQualifier::AnyValue)) => values
                .iter()
                .any(|value| self.matches(value, context) != self.negated),
            (Some(values), Some(SetQualifier::AllValues)) => values
                .iter()
                .all(|value| self.matches(value, context) != self.negated),
        }
    }

    /// Whether one request value matches any of the policy's values (the positive sense).
    fn matches(&self, value: &str, context: &Context) -> bool {
        match (&self.values, self.test) {
            (Values::Patterns(patterns), _) => patterns
                .iter()
                .any(|pattern| pattern.matches(value, context)),
            (Values::Numbers(numbers), Test::Numeric(compare)) => parse_number(value)
                .is_some_and(|value| numbers.iter().any(|n| compare.holds(value, *n))),
            (Values::Dates(dates), Test::Date(compare)) => parse_date(value)
                .is_some_and(|value| dates.iter().any(|d| compare.holds(value, *d))),
            (Values::Bools(bools), _) => {
                parse_bool(value).is_some_and(|value| bools.contains(&value))
            }
            (Values::Binary(binary), _) => binary.iter().any(|b| **b == *value),
            (Values::Networks(networks), _) => IpAddr::from_str(value)
                .is_ok_and(|address| networks.iter().any(|net| net.contains(&address))),
            _ => false,
        }
    }
}

fn parse_bool(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

fn parse_number(text: &str) -> Option<f64> {
    // Rust also reads "inf" and "NaN"; IAM's numbers are finite decimals.
    let starts_like_a_number = text
        .trim_start_matches(['-', '+'])
        .starts_with(|c: char| c.is_ascii_digit() || c == '.');
    let number: f64 = text.parse().ok()?;
    (starts_like_a_number && number.is_finite()).then_some(number)
}

/// A date as IAM reads it: seconds since the epoch, or ISO 8601 with or without a time and
/// an offset (UTC when none is given). Returns nanoseconds since the epoch.
pub(crate) fn parse_date(text: &str) -> Option<i128> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        let seconds: i64 = text.parse().ok()?;
        return Some(i128::from(seconds) * 1_000_000_000);
    }
    if let Ok(at) = OffsetDateTime::parse(text, &Iso8601::DEFAULT) {
        return Some(at.unix_timestamp_nanos());
    }
    if let Ok(at) = PrimitiveDateTime::parse(text, &Iso8601::DEFAULT) {
        return Some(at.assume_utc().unix_timestamp_nanos());
    }
    Date::parse(text, &Iso8601::DEFAULT)
        .ok()
        .map(|day| day.midnight().assume_utc().unix_timestamp_nanos())
}

/// A CIDR range, or one address (a range of one).
fn parse_network(text: &str) -> Option<IpNet> {
    IpNet::from_str(text)
        .ok()
        .or_else(|| IpAddr::from_str(text).ok().map(IpNet::from))
}

fn is_base64(text: &str) -> bool {
    let body = text.trim_end_matches('=');
    text.len() - body.len() <= 2
        && text.len().is_multiple_of(4)
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compiles one condition block written as JSON.
    fn block(json: &str) -> Vec<Condition> {
        compile_block(
            &super::super::json::parse(json).unwrap(),
            "statement 1",
            true,
        )
        .unwrap()
    }

    fn error(json: &str) -> String {
        compile_block(
            &super::super::json::parse(json).unwrap(),
            "statement 1",
            true,
        )
        .unwrap_err()
        .to_string()
    }

    fn holds(json: &str, context: &Context) -> bool {
        block(json).iter().all(|condition| condition.holds(context))
    }

    fn with(pairs: &[(&str, &str)]) -> Context {
        let mut context = Context::new();
        for (key, value) in pairs {
            context.add(key, *value);
        }
        context
    }

    #[test]
    fn string_equals_is_exact_and_case_sensitive_in_values_not_keys() {
        let c = r#"{"StringEquals": {"aws:Username": ["alice", "bob"]}}"#;
        assert!(holds(c, &with(&[("AWS:USERNAME", "bob")])));
        assert!(!holds(c, &with(&[("aws:username", "Bob")])));
        assert!(!holds(c, &with(&[("aws:username", "b*")])));
        assert!(!holds(c, &Context::new()), "a missing key matches nothing");
        let star = r#"{"StringEquals": {"aws:username": "a*"}}"#;
        assert!(holds(star, &with(&[("aws:username", "a*")])));
        assert!(
            !holds(star, &with(&[("aws:username", "ab")])),
            "no wildcards"
        );
    }

    #[test]
    fn string_not_equals_is_the_negation_and_holds_for_a_missing_key() {
        let c = r#"{"StringNotEquals": {"aws:username": ["alice", "bob"]}}"#;
        assert!(holds(c, &with(&[("aws:username", "carol")])));
        assert!(!holds(c, &with(&[("aws:username", "alice")])));
        assert!(holds(c, &Context::new()));
    }

    #[test]
    fn ignore_case_operators() {
        let c = r#"{"StringEqualsIgnoreCase": {"aws:username": "Alice"}}"#;
        assert!(holds(c, &with(&[("aws:username", "aLICE")])));
        assert!(!holds(c, &with(&[("aws:username", "alicia")])));
        let n = r#"{"StringNotEqualsIgnoreCase": {"aws:username": "Alice"}}"#;
        assert!(!holds(n, &with(&[("aws:username", "ALICE")])));
        assert!(holds(n, &with(&[("aws:username", "bob")])));
    }

    #[test]
    fn string_like_and_not_like_take_wildcards() {
        let c = r#"{"StringLike": {"aws:RequestTag/team": ["web-*", "db-?"]}}"#;
        assert!(holds(c, &with(&[("aws:requesttag/team", "web-frontend")])));
        assert!(holds(c, &with(&[("aws:requesttag/team", "db-1")])));
        assert!(!holds(c, &with(&[("aws:requesttag/team", "db-12")])));
        assert!(!holds(c, &with(&[("aws:requesttag/team", "Web-frontend")])));
        let n = r#"{"StringNotLike": {"aws:RequestTag/team": "web-*"}}"#;
        assert!(!holds(n, &with(&[("aws:requesttag/team", "web-x")])));
        assert!(holds(n, &with(&[("aws:requesttag/team", "db")])));
        assert!(holds(n, &Context::new()));
    }

    #[test]
    fn string_values_take_policy_variables() {
        let c = r#"{"StringEquals": {"aws:RequestTag/owner": "${aws:username}"}}"#;
        let context = with(&[("aws:username", "alice"), ("aws:RequestTag/owner", "alice")]);
        assert!(holds(c, &context));
        let other = with(&[("aws:username", "alice"), ("aws:RequestTag/owner", "bob")]);
        assert!(!holds(c, &other));
        // Without aws:username the variable has no value: nothing equals it.
        assert!(!holds(c, &with(&[("aws:RequestTag/owner", "alice")])));
        let negated = r#"{"StringNotEquals": {"aws:RequestTag/owner": "${aws:username}"}}"#;
        assert!(holds(negated, &with(&[("aws:RequestTag/owner", "alice")])));
    }

    #[test]
    fn numeric_operators() {
        let ctx = |n: &str| with(&[("s3:max-keys", n)]);
        let eq = r#"{"NumericEquals": {"s3:max-keys": 10}}"#;
        assert!(holds(eq, &ctx("10")) && holds(eq, &ctx("10.0")) && !holds(eq, &ctx("11")));
        let ne = r#"{"NumericNotEquals": {"s3:max-keys": "10"}}"#;
        assert!(!holds(ne, &ctx("10")) && holds(ne, &ctx("9")));
        let lt = r#"{"NumericLessThan": {"s3:max-keys": "10"}}"#;
        assert!(holds(lt, &ctx("9.5")) && !holds(lt, &ctx("10")));
        let le = r#"{"NumericLessThanEquals": {"s3:max-keys": "10"}}"#;
        assert!(holds(le, &ctx("10")) && !holds(le, &ctx("10.1")));
        let gt = r#"{"NumericGreaterThan": {"s3:max-keys": "-1"}}"#;
        assert!(holds(gt, &ctx("0")) && !holds(gt, &ctx("-1")));
        let ge = r#"{"NumericGreaterThanEquals": {"s3:max-keys": "1e2"}}"#;
        assert!(holds(ge, &ctx("100")) && !holds(ge, &ctx("99")));
        assert!(
            !holds(lt, &ctx("ten")),
            "a value that is no number matches nothing"
        );
        assert!(!holds(lt, &ctx("-inf")));
        assert!(!holds(lt, &Context::new()));
        assert!(holds(ne, &Context::new()));
    }

    #[test]
    fn date_operators_read_iso_8601_and_epoch_seconds() {
        let now = |at: &str| with(&[("aws:CurrentTime", at)]);
        let before = r#"{"DateLessThan": {"aws:CurrentTime": "2024-06-01T00:00:00Z"}}"#;
        assert!(holds(before, &now("2024-05-31T23:59:59Z")));
        assert!(!holds(before, &now("2024-06-01T00:00:00Z")));
        assert!(
            holds(before, &now("2024-06-01T01:59:59+02:00")),
            "offsets count"
        );
        assert!(holds(before, &now("1717199999")), "epoch seconds");
        assert!(!holds(before, &now("not a date")));
        let day = r#"{"DateGreaterThanEquals": {"aws:CurrentTime": "2024-06-01"}}"#;
        assert!(holds(day, &now("2024-06-01T00:00:00Z")));
        assert!(!holds(day, &now("2024-05-31T23:59:59.999Z")));
        let epoch = r#"{"DateEquals": {"aws:EpochTime": 1717200000}}"#;
        assert!(holds(
            epoch,
            &with(&[("aws:EpochTime", "2024-06-01T00:00:00Z")])
        ));
        let ne = r#"{"DateNotEquals": {"aws:EpochTime": 1717200000}}"#;
        assert!(holds(ne, &with(&[("aws:EpochTime", "1717200001")])));
        let gt = r#"{"DateGreaterThan": {"aws:CurrentTime": "2024-06-01T00:00:00"}}"#;
        assert!(
            holds(gt, &now("2024-06-01T00:00:01Z")),
            "no offset means UTC"
        );
        let le = r#"{"DateLessThanEquals": {"aws:CurrentTime": "2024-06-01T00:00:00Z"}}"#;
        assert!(holds(le, &now("2024-06-01T00:00:00Z")));
    }

    #[test]
    fn bool_ignores_case_and_needs_the_key() {
        let c = r#"{"Bool": {"aws:SecureTransport": "true"}}"#;
        assert!(holds(c, &with(&[("aws:SecureTransport", "TRUE")])));
        assert!(!holds(c, &with(&[("aws:SecureTransport", "false")])));
        assert!(!holds(c, &Context::new()));
        let json_bool = r#"{"Bool": {"aws:SecureTransport": false}}"#;
        assert!(holds(json_bool, &with(&[("aws:SecureTransport", "false")])));
    }

    #[test]
    fn binary_equals_compares_base64_text() {
        let c = r#"{"BinaryEquals": {"aws:Blob": "QmluYXJ5VmFsdWU="}}"#;
        assert!(holds(c, &with(&[("aws:blob", "QmluYXJ5VmFsdWU=")])));
        assert!(!holds(c, &with(&[("aws:blob", "QmluYXJ5VmFsdWV=")])));
    }

    #[test]
    fn ip_ranges() {
        let c =
            r#"{"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "10.1.2.3", "2001:db8::/32"]}}"#;
        let from = |ip: &str| with(&[("aws:SourceIp", ip)]);
        assert!(holds(c, &from("203.0.113.77")));
        assert!(!holds(c, &from("203.0.114.1")));
        assert!(holds(c, &from("10.1.2.3")));
        assert!(
            !holds(c, &from("10.1.2.4")),
            "a bare address is a range of one"
        );
        assert!(holds(c, &from("2001:db8:1::5")));
        assert!(!holds(c, &from("garbage")));
        let not = r#"{"NotIpAddress": {"aws:SourceIp": "192.168.0.0/16"}}"#;
        assert!(holds(not, &from("10.0.0.1")));
        assert!(!holds(not, &from("192.168.4.4")));
        assert!(holds(not, &Context::new()));
    }

    #[test]
    fn arn_operators_match_by_segments() {
        let c = r#"{"ArnLike": {"aws:SourceArn": "arn:aws:ecs:us-east-1:000000000000:*"}}"#;
        let source = |arn: &str| with(&[("aws:SourceArn", arn)]);
        assert!(holds(
            c,
            &source("arn:aws:ecs:us-east-1:000000000000:task/prod/abc")
        ));
        assert!(!holds(
            c,
            &source("arn:aws:ecs:us-east-2:000000000000:task/prod/abc")
        ));
        let eq = r#"{"ArnEquals": {"aws:SourceArn": "arn:aws:ecs:*:000000000000:cluster/prod"}}"#;
        assert!(holds(
            eq,
            &source("arn:aws:ecs:eu-west-1:000000000000:cluster/prod")
        ));
        let not = r#"{"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/admin-*"}}"#;
        assert!(!holds(
            not,
            &with(&[("aws:PrincipalArn", "arn:aws:iam::0:role/admin-x")])
        ));
        assert!(holds(
            not,
            &with(&[("aws:PrincipalArn", "arn:aws:iam::0:role/dev")])
        ));
        let ne = r#"{"ArnNotEquals": {"aws:SourceArn": "arn:aws:ecs:r:0:cluster/a"}}"#;
        assert!(holds(ne, &source("arn:aws:ecs:r:0:cluster/b")));
    }

    #[test]
    fn if_exists_holds_when_the_key_is_missing() {
        let c = r#"{"StringEqualsIfExists": {"ecs:cluster": "arn:aws:ecs:r:0:cluster/dev"}}"#;
        assert!(holds(c, &Context::new()));
        assert!(holds(
            c,
            &with(&[("ecs:cluster", "arn:aws:ecs:r:0:cluster/dev")])
        ));
        assert!(!holds(
            c,
            &with(&[("ecs:cluster", "arn:aws:ecs:r:0:cluster/prod")])
        ));
        let n = r#"{"NumericLessThanIfExists": {"s3:max-keys": "5"}}"#;
        assert!(holds(n, &Context::new()));
        assert!(!holds(n, &with(&[("s3:max-keys", "7")])));
        let any = r#"{"ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": "x"}}"#;
        assert!(holds(any, &Context::new()));
    }

    #[test]
    fn for_all_values_holds_for_an_empty_set_and_a_missing_key() {
        let c = r#"{"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}}"#;
        let mut empty = Context::new();
        empty.set("aws:TagKeys", Vec::<String>::new());
        assert!(holds(c, &empty));
        assert!(holds(c, &Context::new()));
        let mut tags = Context::new();
        tags.set("aws:TagKeys", ["team", "env"]);
        assert!(holds(c, &tags));
        tags.add("aws:TagKeys", "cost");
        assert!(!holds(c, &tags), "cost is not allowed");
    }

    #[test]
    fn for_any_value_needs_one_matching_value() {
        let c = r#"{"ForAnyValue:StringEquals": {"aws:TagKeys": ["team", "env"]}}"#;
        let mut tags = Context::new();
        tags.set("aws:TagKeys", ["cost", "env"]);
        assert!(holds(c, &tags));
        tags.set("aws:TagKeys", ["cost"]);
        assert!(!holds(c, &tags));
        tags.set("aws:TagKeys", Vec::<String>::new());
        assert!(!holds(c, &tags), "an empty set has no matching value");
        assert!(!holds(c, &Context::new()));
    }

    #[test]
    fn set_qualifiers_negate_per_value() {
        let all_not = r#"{"ForAllValues:StringNotEquals": {"aws:TagKeys": ["secret"]}}"#;
        let any_not = r#"{"ForAnyValue:StringNotEquals": {"aws:TagKeys": ["secret"]}}"#;
        let mut tags = Context::new();
        tags.set("aws:TagKeys", ["team", "secret"]);
        assert!(!holds(all_not, &tags));
        assert!(holds(any_not, &tags));
        tags.set("aws:TagKeys", ["secret"]);
        assert!(!holds(any_not, &tags));
        tags.set("aws:TagKeys", ["team"]);
        assert!(holds(all_not, &tags));
        // Without a qualifier a negated operator is true only when no value matches.
        let plain = r#"{"StringNotEquals": {"aws:TagKeys": ["secret"]}}"#;
        tags.set("aws:TagKeys", ["team", "secret"]);
        assert!(!holds(plain, &tags));
    }

    #[test]
    fn null_tests_presence() {
        let absent = r#"{"Null": {"aws:TokenIssueTime": "true"}}"#;
        let present = r#"{"Null": {"aws:TokenIssueTime": false}}"#;
        let session = with(&[("aws:TokenIssueTime", "2024-01-01T00:00:00Z")]);
        assert!(holds(absent, &Context::new()));
        assert!(!holds(absent, &session));
        assert!(holds(present, &session));
        assert!(!holds(present, &Context::new()));
        let mut empty = Context::new();
        empty.set("aws:TokenIssueTime", Vec::<String>::new());
        assert!(holds(absent, &empty), "an empty value set is null");
    }

    #[test]
    fn a_block_is_the_and_of_its_conditions() {
        let c = r#"{
            "StringEquals": {"aws:username": "alice", "ecs:cluster": "c"},
            "Bool": {"aws:SecureTransport": "true"}
        }"#;
        let all = with(&[
            ("aws:username", "alice"),
            ("ecs:cluster", "c"),
            ("aws:SecureTransport", "true"),
        ]);
        assert!(holds(c, &all));
        let mut missing_one = all.clone();
        missing_one.remove("ecs:cluster");
        assert!(!holds(c, &missing_one));
        let mut insecure = all.clone();
        insecure.set("aws:SecureTransport", ["false"]);
        assert!(!holds(c, &insecure));
    }

    #[test]
    fn refuses_bad_operators_keys_and_values() {
        let cases = [
            (
                r#"{"StringEqualz": {"aws:username": "a"}}"#,
                "unknown condition operator \"StringEqualz\"",
            ),
            (
                r#"{"stringequals": {"aws:username": "a"}}"#,
                "unknown condition operator",
            ),
            (
                r#"{"ForSomeValues:StringEquals": {"aws:a": "a"}}"#,
                "unknown condition operator",
            ),
            (
                r#"{"NullIfExists": {"aws:a": "true"}}"#,
                "Null takes neither",
            ),
            (
                r#"{"ForAllValues:Null": {"aws:a": "true"}}"#,
                "Null takes neither",
            ),
            (
                r#"{"StringEquals": {"username": "a"}}"#,
                "must be prefaced by a vendor",
            ),
            (
                r#"{"StringEquals": {"aws:username": {"a": 1}}}"#,
                "must be a string, number or boolean",
            ),
            (
                r#"{"StringEquals": {"aws:username": [null]}}"#,
                "must be a string, number or boolean",
            ),
            (
                r#"{"StringEquals": ["aws:username"]}"#,
                "must be an object of condition keys",
            ),
            (
                r#"{"NumericLessThan": {"s3:max-keys": "ten"}}"#,
                "is not a number",
            ),
            (
                r#"{"NumericLessThan": {"s3:max-keys": "NaN"}}"#,
                "is not a number",
            ),
            (
                r#"{"DateLessThan": {"aws:CurrentTime": "2024-13-01"}}"#,
                "The policy failed legacy parsing",
            ),
            (
                r#"{"Bool": {"aws:SecureTransport": "yes"}}"#,
                "\"true\" or \"false\"",
            ),
            (r#"{"Null": {"aws:a": "maybe"}}"#, "\"true\" or \"false\""),
            (r#"{"IpAddress": {"aws:SourceIp": "10.0.0.0/33"}}"#, "CIDR"),
            (r#"{"BinaryEquals": {"aws:b": "not base64!"}}"#, "base64"),
            (
                r#"{"StringLike": {"aws:a": "${aws:username"}}"#,
                "policy variable",
            ),
        ];
        for (json, expected) in cases {
            let message = error(json);
            assert!(message.contains(expected), "{json}: {message}");
            assert!(message.contains("statement 1"), "{json}: {message}");
        }
        let bare = compile_block(&Json::Array(vec![]), "statement 1", true).unwrap_err();
        assert!(bare.to_string().starts_with("Syntax errors in policy."));
    }
}
