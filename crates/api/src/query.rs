//! The AWS Query protocol (IAM, STS, ELBv2): form-encoded requests in, XML responses out.
//!
//! A Query request is a `POST /` with an `application/x-www-form-urlencoded` body such as
//! `Action=CreateRole&Version=2010-05-08&RoleName=web&Tags.member.1.Key=team`. The rules
//! below are the ones botocore's `QuerySerializer` sends and its `QueryParser` reads:
//!
//! - a scalar member is `Name=value`; a nested structure's members are `Outer.Inner=…`;
//! - a list is `Name.member.1`, `Name.member.2`, … (1-based), or `Name.1`, … when the model
//!   marks it `flattened`; an empty list is sent as `Name=` (empty value);
//! - a map is `Name.entry.N.key` / `Name.entry.N.value` (`Name.N.key` when flattened);
//! - a `locationName` in the model renames a member, a list's `member` or a map's
//!   `key`/`value`;
//! - booleans are `true`/`false`; timestamps ISO 8601; integers decimal.
//!
//! A response is `<{Action}Response xmlns="NS"><{Action}Result>…</{Action}Result>
//! <ResponseMetadata><RequestId>ID</RequestId></ResponseMetadata></{Action}Response>`, with
//! lists as `<Name><member>…</member></Name>` and maps as `<entry><key/><value/></entry>`.
//! Errors are `<ErrorResponse>` documents ([`error_xml`]).
//!
//! The generated modules ([`crate::iam`], [`crate::sts`], [`crate::elbv2`]) implement
//! [`FromQuery`] for their request shapes and [`ToXml`] for their response shapes by calling
//! the reader and writer functions here. A server parses a body with [`QueryParams::parse`],
//! dispatches on [`QueryParams::action`], reads the request with [`parse_request`] and
//! answers with [`response_xml`] (or [`empty_response_xml`] for actions without output) or
//! [`error_xml`].

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;

use thiserror::Error;
use time::format_description::well_known::{Iso8601, Rfc3339};
use time::{OffsetDateTime, PrimitiveDateTime};

use crate::validate::{Validate, ValidationError};

/// The largest request body [`QueryParams::parse`] accepts (1 MiB, as for the JSON APIs).
/// It also bounds the number of parameters a request can carry.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The largest list index (and map entry number) a request may use. Models' own list limits
/// are lower where they have one and are checked by [`Validate`]; this bound holds for the
/// lists that have none, so a request cannot make the parser build huge lists.
pub const MAX_LIST_INDEX: usize = 1000;

/// How much of an offending value an error message quotes.
const MAX_QUOTED_CHARS: usize = 256;

/// Why a Query request cannot be read. Every variant names the parameter at fault and is
/// worded for the user: its `Display` text is meant to be the message of the service's
/// `ValidationError` (or `InvalidParameterValue`, `MalformedQueryString`, …) response.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QueryError {
    /// The body is not form data (for example a parameter is not UTF-8 once decoded).
    #[error("The request body is not valid application/x-www-form-urlencoded data: {0}")]
    Malformed(String),
    /// The body is larger than [`MAX_BODY_BYTES`].
    #[error("The request body is {0} bytes; the limit is {MAX_BODY_BYTES} bytes")]
    TooLarge(usize),
    /// A parameter appears twice, so which value was meant is unclear.
    #[error("The parameter {param} appears more than once in the request")]
    Duplicate {
        /// The repeated parameter.
        param: String,
    },
    /// A member the model requires is absent.
    #[error(
        "1 validation error detected: Value null at '{}' failed to satisfy constraint: \
         Member must not be null",
        member_path(param)
    )]
    Missing {
        /// The parameter that should have been sent, for example `Tags.member.1.Key`.
        param: String,
    },
    /// A value has the wrong type or is not one of the enum's values.
    #[error(
        "1 validation error detected: Value '{}' at '{}' failed to satisfy constraint: \
         {constraint}",
        quote(value),
        member_path(param)
    )]
    InvalidValue {
        /// The parameter at fault.
        param: String,
        /// The value sent.
        value: String,
        /// What the value must be, for example `Member must be an integer`.
        constraint: String,
    },
    /// A list index (or map entry number) that is not a number from 1 to
    /// [`MAX_LIST_INDEX`].
    #[error(
        "The parameter {param} has the list index '{index}'; list elements are numbered \
         1, 2, 3, … and a list may have at most {MAX_LIST_INDEX} elements"
    )]
    BadListIndex {
        /// The parameter carrying the index.
        param: String,
        /// The index as sent.
        index: String,
    },
    /// A list whose elements are not numbered 1, 2, 3, … without gaps.
    #[error(
        "The list {list} has no element {missing} but has later ones; list elements are \
         numbered 1, 2, 3, … without gaps"
    )]
    ListGap {
        /// The list's parameter prefix, for example `Tags.member`.
        list: String,
        /// The first missing index.
        missing: usize,
    },
    /// A parameter the action does not have.
    #[error("The parameter {param} is not valid for this action")]
    UnknownParameter {
        /// The parameter that was not expected.
        param: String,
    },
    /// A value outside the model's length or range limits.
    #[error("1 validation error detected: {0}")]
    Invalid(ValidationError),
}

impl QueryError {
    /// The parameter at fault, when the error is about one.
    pub fn param(&self) -> Option<&str> {
        match self {
            QueryError::Duplicate { param }
            | QueryError::Missing { param }
            | QueryError::InvalidValue { param, .. }
            | QueryError::BadListIndex { param, .. }
            | QueryError::UnknownParameter { param } => Some(param),
            QueryError::ListGap { list, .. } => Some(list),
            QueryError::Invalid(e) => Some(&e.path),
            QueryError::Malformed(_) | QueryError::TooLarge(_) => None,
        }
    }
}

/// The member path AWS's validation messages use: `Tags.member.1.Key` is `tags.1.member.key`
/// and `RoleName` is `roleName`.
fn member_path(param: &str) -> String {
    let segments: Vec<&str> = param.split('.').collect();
    let mut out: Vec<String> = Vec::with_capacity(segments.len());
    let mut i = 0;
    while i < segments.len() {
        let segment = segments[i];
        let next_is_index = segments
            .get(i + 1)
            .is_some_and(|s| s.bytes().all(|b| b.is_ascii_digit()));
        if (segment == "member" || segment == "entry") && next_is_index {
            out.push(segments[i + 1].to_string());
            out.push(segment.to_string());
            i += 2;
            continue;
        }
        let mut chars = segment.chars();
        out.push(match chars.next() {
            Some(first) => first.to_lowercase().chain(chars).collect(),
            None => String::new(),
        });
        i += 1;
    }
    out.join(".")
}

/// A value as an error message quotes it: at most [`MAX_QUOTED_CHARS`] characters.
fn quote(value: &str) -> Cow<'_, str> {
    match value.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &value[..cut])),
        None => Cow::Borrowed(value),
    }
}

#[derive(Debug)]
struct Param {
    value: String,
    /// Set once the request's shape has read this parameter, so that parameters nobody
    /// read can be refused instead of silently ignored.
    read: Cell<bool>,
}

/// The decoded parameters of one Query request (`Action`, `Version` and the members).
///
/// It remembers which parameters the request's shape has read (so that
/// [`parse_request`] can refuse the others), so it is `Send` but not `Sync`: parse and read
/// it within one step of a handler.
#[derive(Debug, Default)]
pub struct QueryParams {
    params: BTreeMap<String, Param>,
}

impl QueryParams {
    /// Decodes an application/x-www-form-urlencoded body (also a URL query string).
    ///
    /// `+` is a space and `%XX` a byte; names and values must be UTF-8 once decoded. A
    /// repeated name, an empty name or a body over [`MAX_BODY_BYTES`] is refused.
    pub fn parse(body: &[u8]) -> Result<Self, QueryError> {
        if body.len() > MAX_BODY_BYTES {
            return Err(QueryError::TooLarge(body.len()));
        }
        let mut params = BTreeMap::new();
        for pair in body.split(|b| *b == b'&') {
            if pair.is_empty() {
                continue;
            }
            let (name, value) = match pair.iter().position(|b| *b == b'=') {
                Some(at) => (&pair[..at], &pair[at + 1..]),
                None => (pair, &[][..]),
            };
            let name = form_decode(name)?;
            if name.is_empty() {
                return Err(QueryError::Malformed(
                    "a parameter has an empty name".to_string(),
                ));
            }
            if params.contains_key(&name) {
                return Err(QueryError::Duplicate { param: name });
            }
            let value = form_decode(value)?;
            let read = Cell::new(false);
            params.insert(name, Param { value, read });
        }
        Ok(QueryParams { params })
    }

    /// The value of one parameter, if it was sent.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.params.get(key).map(|p| p.value.as_str())
    }

    /// The `Action` parameter: the operation's name, for example `CreateRole`.
    pub fn action(&self) -> Option<&str> {
        self.get("Action")
    }

    /// The `Version` parameter: the API version the client speaks, for example `2010-05-08`.
    pub fn version(&self) -> Option<&str> {
        self.get("Version")
    }

    /// How many parameters the request has.
    pub fn len(&self) -> usize {
        self.params.len()
    }

    /// Whether the request has no parameters at all.
    pub fn is_empty(&self) -> bool {
        self.params.is_empty()
    }

    /// Every parameter, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.params
            .iter()
            .map(|(k, p)| (k.as_str(), p.value.as_str()))
    }

    /// The parameters no [`FromQuery`] implementation has read, other than `Action` and
    /// `Version`, in name order.
    pub fn unread(&self) -> impl Iterator<Item = &str> {
        self.params
            .iter()
            .filter(|(k, p)| !p.read.get() && k.as_str() != "Action" && k.as_str() != "Version")
            .map(|(k, _)| k.as_str())
    }

    /// Reads a parameter and marks it read.
    fn take(&self, key: &str) -> Option<&str> {
        self.params.get(key).map(|p| {
            p.read.set(true);
            p.value.as_str()
        })
    }

    /// The parameters whose names start with `prefix`.
    fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.params
            .range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
            .map(|(k, _)| k.as_str())
            .take_while(move |k| k.starts_with(prefix))
    }

    /// Whether any parameter lies under `key.` (a structure, list or map named `key`).
    fn has_children(&self, key: &str) -> bool {
        let prefix = format!("{key}.");
        let found = self.with_prefix(&prefix).next().is_some();
        found
    }

    /// The number of elements of the list whose elements are `items.1`, `items.2`, ….
    /// Indexes must run from 1 without gaps and stay within [`MAX_LIST_INDEX`].
    fn list_len(&self, items: &str) -> Result<usize, QueryError> {
        let prefix = format!("{items}.");
        let mut indexes = BTreeSet::new();
        for param in self.with_prefix(&prefix) {
            let rest = &param[prefix.len()..];
            let index = rest.split('.').next().unwrap_or_default();
            match parse_index(index) {
                Some(i) => {
                    indexes.insert(i);
                }
                None => {
                    return Err(QueryError::BadListIndex {
                        param: param.to_string(),
                        index: index.to_string(),
                    })
                }
            }
        }
        // Indexes are distinct and at least 1, so they are 1..=n exactly when the largest is n.
        if let Some(&last) = indexes.last() {
            if last != indexes.len() {
                let missing = (1..).zip(&indexes).find(|(want, got)| want != *got);
                return Err(QueryError::ListGap {
                    list: items.to_string(),
                    missing: missing.map_or(1, |(want, _)| want),
                });
            }
        }
        Ok(indexes.len())
    }
}

/// A list index as botocore writes it: decimal, no sign or leading zero, 1 to
/// [`MAX_LIST_INDEX`].
fn parse_index(text: &str) -> Option<usize> {
    if text.is_empty() || text.len() > 4 || text.starts_with('0') {
        return None;
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let index: usize = text.parse().ok()?;
    (index <= MAX_LIST_INDEX).then_some(index)
}

/// Decodes one `application/x-www-form-urlencoded` name or value.
fn form_decode(raw: &[u8]) -> Result<String, QueryError> {
    let spaced: Cow<'_, [u8]> = if raw.contains(&b'+') {
        Cow::Owned(
            raw.iter()
                .map(|&b| if b == b'+' { b' ' } else { b })
                .collect(),
        )
    } else {
        Cow::Borrowed(raw)
    };
    percent_encoding::percent_decode(&spaced)
        .decode_utf8()
        .map(Cow::into_owned)
        .map_err(|_| {
            QueryError::Malformed(format!(
                "'{}' is not UTF-8 once percent-decoded",
                String::from_utf8_lossy(raw)
            ))
        })
}

/// A request shape read from Query parameters. Generated for every structure a request
/// contains.
pub trait FromQuery: Sized {
    /// Reads the members of this shape found under `prefix` ("" at top level).
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError>;
}

/// A response shape written as XML. Generated for every structure a response contains.
pub trait ToXml {
    /// Writes this shape's members as child elements (the caller writes the element that
    /// encloses them).
    fn write_xml(&self, w: &mut XmlWriter);
}

/// A value that is the text of one parameter or one XML element: strings, numbers,
/// booleans and the generated enums. (Timestamps are `f64`s with their own functions,
/// [`timestamp`] and [`write_timestamp`], since a `double` is an `f64` too.)
pub trait QueryScalar: Sized {
    /// Parses a parameter's text. The error is the constraint the text breaks, as AWS
    /// words it: "Member must be an integer".
    fn from_query_text(text: &str) -> Result<Self, String>;
    /// The element text for this value.
    fn to_xml_text(&self) -> Cow<'_, str>;
}

impl QueryScalar for String {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Ok(text.to_string())
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl QueryScalar for bool {
    fn from_query_text(text: &str) -> Result<Self, String> {
        if text.eq_ignore_ascii_case("true") {
            Ok(true)
        } else if text.eq_ignore_ascii_case("false") {
            Ok(false)
        } else {
            Err("Member must be true or false".to_string())
        }
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(if *self { "true" } else { "false" })
    }
}

impl QueryScalar for i32 {
    fn from_query_text(text: &str) -> Result<Self, String> {
        text.parse().map_err(|_| {
            format!(
                "Member must be an integer from {} to {}",
                i32::MIN,
                i32::MAX
            )
        })
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }
}

impl QueryScalar for i64 {
    fn from_query_text(text: &str) -> Result<Self, String> {
        text.parse().map_err(|_| {
            format!(
                "Member must be an integer from {} to {}",
                i64::MIN,
                i64::MAX
            )
        })
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }
}

impl QueryScalar for f64 {
    fn from_query_text(text: &str) -> Result<Self, String> {
        // Rust's parser also takes botocore's "Infinity", "-Infinity" and "NaN".
        text.parse()
            .map_err(|_| "Member must be a number".to_string())
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        if self.is_nan() {
            Cow::Borrowed("NaN")
        } else if self.is_infinite() {
            Cow::Borrowed(if *self > 0.0 { "Infinity" } else { "-Infinity" })
        } else {
            Cow::Owned(self.to_string())
        }
    }
}

/// The constraint an enum's values form, as AWS words it. Used by generated enums.
pub fn enum_constraint<'a>(values: impl Iterator<Item = &'a str>) -> String {
    let values: Vec<&str> = values.collect();
    format!(
        "Member must satisfy enum value set: [{}]",
        values.join(", ")
    )
}

/// The parameter name of member `name` of the structure at `prefix`.
pub fn member_key(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}.{name}")
    }
}

/// Reads a member the model requires with `read`, and refuses the request if it is absent.
pub fn required<T>(
    params: &QueryParams,
    key: &str,
    read: impl FnOnce(&QueryParams, &str) -> Result<Option<T>, QueryError>,
) -> Result<T, QueryError> {
    read(params, key)?.ok_or_else(|| QueryError::Missing {
        param: key.to_string(),
    })
}

/// Reads the scalar `key`, if sent.
pub fn scalar<T: QueryScalar>(params: &QueryParams, key: &str) -> Result<Option<T>, QueryError> {
    let Some(text) = params.take(key) else {
        return Ok(None);
    };
    T::from_query_text(text)
        .map(Some)
        .map_err(|constraint| QueryError::InvalidValue {
            param: key.to_string(),
            value: text.to_string(),
            constraint,
        })
}

/// Reads the timestamp `key` (ISO 8601, as botocore sends it), if sent, as epoch seconds.
pub fn timestamp(params: &QueryParams, key: &str) -> Result<Option<f64>, QueryError> {
    let Some(text) = params.take(key) else {
        return Ok(None);
    };
    parse_timestamp(text)
        .map(Some)
        .ok_or_else(|| QueryError::InvalidValue {
            param: key.to_string(),
            value: text.to_string(),
            constraint: "Member must be an ISO 8601 timestamp such as 2024-05-01T12:00:00Z"
                .to_string(),
        })
}

/// Reads the structure at `key`, if any of its members was sent.
pub fn structure<T: FromQuery>(params: &QueryParams, key: &str) -> Result<Option<T>, QueryError> {
    if params.has_children(key) {
        T::from_query(params, key).map(Some)
    } else {
        Ok(None)
    }
}

/// Reads the list at `key`: elements `key.member.N` (or `key.{member}.N` when the model
/// renames `member`), or `key.N` when `member` is `None` (a flattened list). `key=` with an
/// empty value is an empty list, as botocore sends one.
pub fn list<T>(
    params: &QueryParams,
    key: &str,
    member: Option<&str>,
    read_item: impl Fn(&QueryParams, &str) -> Result<Option<T>, QueryError>,
) -> Result<Option<Vec<T>>, QueryError> {
    let empty = empty_collection(params, key, "list")?;
    let items = match member {
        Some(member) => format!("{key}.{member}"),
        None => key.to_string(),
    };
    let len = params.list_len(&items)?;
    if len == 0 {
        return Ok(empty.then(Vec::new));
    }
    let mut out = Vec::with_capacity(len);
    for index in 1..=len {
        out.push(required(params, &format!("{items}.{index}"), &read_item)?);
    }
    Ok(Some(out))
}

/// Reads the map at `key`: entries `key.entry.N.key` and `key.entry.N.value` (`key.N.…` when
/// `entry` is `None`, a flattened map), with the model's names for `key` and `value`.
pub fn map<V>(
    params: &QueryParams,
    key: &str,
    entry: Option<&str>,
    key_name: &str,
    value_name: &str,
    read_value: impl Fn(&QueryParams, &str) -> Result<Option<V>, QueryError>,
) -> Result<Option<BTreeMap<String, V>>, QueryError> {
    let empty = empty_collection(params, key, "map")?;
    let entries = match entry {
        Some(entry) => format!("{key}.{entry}"),
        None => key.to_string(),
    };
    let len = params.list_len(&entries)?;
    if len == 0 {
        return Ok(empty.then(BTreeMap::new));
    }
    let mut out = BTreeMap::new();
    for index in 1..=len {
        let key_param = format!("{entries}.{index}.{key_name}");
        let map_key: String = required(params, &key_param, scalar::<String>)?;
        let value = required(
            params,
            &format!("{entries}.{index}.{value_name}"),
            &read_value,
        )?;
        if out.insert(map_key.clone(), value).is_some() {
            return Err(QueryError::InvalidValue {
                param: key_param,
                value: map_key,
                constraint: "Member must not repeat a key of the map".to_string(),
            });
        }
    }
    Ok(Some(out))
}

/// Whether `key=` (an empty list or map) was sent. Any other value there is refused.
fn empty_collection(params: &QueryParams, key: &str, kind: &str) -> Result<bool, QueryError> {
    match params.take(key) {
        None => Ok(false),
        Some("") => Ok(true),
        Some(text) => Err(QueryError::InvalidValue {
            param: key.to_string(),
            value: text.to_string(),
            constraint: format!(
                "Member must be a {kind}: send its elements as {key}.member.1, \
                 {key}.member.2, … (or {key}= for an empty {kind})"
            ),
        }),
    }
}

/// Reads a whole request of type `T`: its members, then refuses parameters it does not
/// have (other than `Action` and `Version`), then checks the model's limits.
pub fn parse_request<T: FromQuery + Validate>(params: &QueryParams) -> Result<T, QueryError> {
    let request = T::from_query(params, "")?;
    if let Some(param) = params.unread().next() {
        return Err(QueryError::UnknownParameter {
            param: param.to_string(),
        });
    }
    request.validate("request").map_err(QueryError::Invalid)?;
    Ok(request)
}

/// Parses an ISO 8601 timestamp (RFC 3339, with or without fractional seconds, `Z` or an
/// offset; a time without an offset is UTC) into epoch seconds.
pub fn parse_timestamp(text: &str) -> Option<f64> {
    let at = OffsetDateTime::parse(text, &Rfc3339)
        .or_else(|_| OffsetDateTime::parse(text, &Iso8601::PARSING))
        .or_else(|_| PrimitiveDateTime::parse(text, &Iso8601::PARSING).map(|t| t.assume_utc()))
        .ok()?;
    // Whole seconds and the fraction apart, so that `…:00.25Z` is exactly `….25`.
    Some(at.unix_timestamp() as f64 + f64::from(at.nanosecond()) / 1e9)
}

/// Formats epoch seconds as botocore's timestamp parser (and every SDK) reads them:
/// `YYYY-MM-DDTHH:MM:SSZ`, or `YYYY-MM-DDTHH:MM:SS.sssZ` when there are milliseconds.
/// A value outside years 0 to 9999 (or not finite) is written as the number itself, which
/// botocore also reads as epoch seconds.
pub fn format_timestamp(epoch_seconds: f64) -> String {
    let millis = (epoch_seconds * 1000.0).round();
    let at = if millis.is_finite() {
        OffsetDateTime::from_unix_timestamp_nanos(millis as i128 * 1_000_000).ok()
    } else {
        None
    };
    match at {
        Some(at) if (0..=9999).contains(&at.year()) => {
            let ms = at.millisecond();
            let fraction = if ms == 0 {
                String::new()
            } else {
                format!(".{ms:03}")
            };
            format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{fraction}Z",
                at.year(),
                u8::from(at.month()),
                at.day(),
                at.hour(),
                at.minute(),
                at.second()
            )
        }
        _ => epoch_seconds.to_xml_text().into_owned(),
    }
}

/// Builds an XML document: elements with escaped text. Element names come from the model
/// (or the server's action names), never from a request.
#[derive(Debug, Default)]
pub struct XmlWriter {
    out: String,
}

impl XmlWriter {
    /// An empty document.
    pub fn new() -> Self {
        Self::default()
    }

    /// Opens `<tag>`.
    pub fn start(&mut self, tag: &str) {
        debug_assert!(is_xml_name(tag), "{tag} is not an XML element name");
        self.out.push('<');
        self.out.push_str(tag);
        self.out.push('>');
    }

    /// Opens `<tag xmlns="namespace">`.
    pub fn start_with_namespace(&mut self, tag: &str, namespace: &str) {
        debug_assert!(is_xml_name(tag), "{tag} is not an XML element name");
        self.out.push('<');
        self.out.push_str(tag);
        self.out.push_str(" xmlns=\"");
        escape_into(&mut self.out, namespace);
        self.out.push_str("\">");
    }

    /// Closes `</tag>`.
    pub fn end(&mut self, tag: &str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    /// Writes escaped text.
    pub fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }

    /// Writes `<tag>text</tag>`.
    pub fn element(&mut self, tag: &str, text: &str) {
        self.start(tag);
        self.text(text);
        self.end(tag);
    }

    /// The document written so far.
    pub fn as_str(&self) -> &str {
        &self.out
    }

    /// The finished document.
    pub fn into_string(self) -> String {
        self.out
    }
}

/// Whether `tag` is a plain XML element name (what the model's names are).
fn is_xml_name(tag: &str) -> bool {
    let mut chars = tag.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// Escapes text for XML content and attribute values. `\r` is written as `&#xD;` so that a
/// parser's line-ending normalisation keeps it. Characters XML 1.0 cannot carry at all (most
/// control characters, U+FFFE, U+FFFF) become U+FFFD, so that the document always parses.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#xD;"),
            '\t' | '\n' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
}

/// Writes `<tag>value</tag>`.
pub fn write_scalar<T: QueryScalar>(w: &mut XmlWriter, tag: &str, value: &T) {
    w.element(tag, &value.to_xml_text());
}

/// Writes `<tag>timestamp</tag>` from epoch seconds (see [`format_timestamp`]).
pub fn write_timestamp(w: &mut XmlWriter, tag: &str, epoch_seconds: &f64) {
    w.element(tag, &format_timestamp(*epoch_seconds));
}

/// Writes `<tag>members</tag>`.
pub fn write_structure<T: ToXml>(w: &mut XmlWriter, tag: &str, value: &T) {
    w.start(tag);
    value.write_xml(w);
    w.end(tag);
}

/// Writes `<tag><member>…</member>…</tag>` (the model may rename `member`), or, for a
/// flattened list (`member` is `None`), one `<tag>…</tag>` per element.
pub fn write_list<T>(
    w: &mut XmlWriter,
    tag: &str,
    member: Option<&str>,
    items: &[T],
    write_item: impl Fn(&mut XmlWriter, &str, &T),
) {
    match member {
        Some(member) => {
            w.start(tag);
            for item in items {
                write_item(w, member, item);
            }
            w.end(tag);
        }
        None => {
            for item in items {
                write_item(w, tag, item);
            }
        }
    }
}

/// Writes `<tag><entry><key>k</key><value>v</value></entry>…</tag>` (with the model's names
/// for `key` and `value`), or, for a flattened map (`entry` is `None`), one
/// `<tag><key>k</key><value>v</value></tag>` per entry.
pub fn write_map<V>(
    w: &mut XmlWriter,
    tag: &str,
    entry: Option<&str>,
    key_name: &str,
    value_name: &str,
    map: &BTreeMap<String, V>,
    write_value: impl Fn(&mut XmlWriter, &str, &V),
) {
    let write_entry = |w: &mut XmlWriter, entry_tag: &str, key: &String, value: &V| {
        w.start(entry_tag);
        w.element(key_name, key);
        write_value(w, value_name, value);
        w.end(entry_tag);
    };
    match entry {
        Some(entry) => {
            w.start(tag);
            for (key, value) in map {
                write_entry(w, entry, key, value);
            }
            w.end(tag);
        }
        None => {
            for (key, value) in map {
                write_entry(w, tag, key, value);
            }
        }
    }
}

/// The whole response document of `action`: `<{action}Response xmlns="namespace">`, the
/// result inside `<{action}Result>` when there is one, and the request ID.
///
/// `action` must be one of the module's `OPERATIONS`. Actions whose model has an output
/// shape (even an empty one) must pass `Some`: botocore requires the `<…Result>` element
/// for them; actions without one pass `None` (or use [`empty_response_xml`]).
pub fn response_xml<T: ToXml>(
    action: &str,
    namespace: &str,
    result: Option<&T>,
    request_id: &str,
) -> String {
    let response_tag = format!("{action}Response");
    let mut w = XmlWriter::new();
    w.start_with_namespace(&response_tag, namespace);
    if let Some(result) = result {
        write_structure(&mut w, &format!("{action}Result"), result);
    }
    w.start("ResponseMetadata");
    w.element("RequestId", request_id);
    w.end("ResponseMetadata");
    w.end(&response_tag);
    w.into_string()
}

/// The response document of an action whose model has no output shape (IAM's `DeleteRole`,
/// for example): only the request ID.
pub fn empty_response_xml(action: &str, namespace: &str, request_id: &str) -> String {
    response_xml::<NoResult>(action, namespace, None, request_id)
}

/// Stands for the absent result of [`empty_response_xml`].
struct NoResult;

impl ToXml for NoResult {
    fn write_xml(&self, _: &mut XmlWriter) {}
}

/// An error document: `<ErrorResponse xmlns="namespace"><Error><Type>Sender|Receiver</Type>
/// <Code>code</Code><Message>message</Message></Error><RequestId>…</RequestId>
/// </ErrorResponse>`. `sender_fault` is true when the request was at fault (4xx).
pub fn error_xml(
    namespace: &str,
    sender_fault: bool,
    code: &str,
    message: &str,
    request_id: &str,
) -> String {
    let mut w = XmlWriter::new();
    w.start_with_namespace("ErrorResponse", namespace);
    w.start("Error");
    w.element("Type", if sender_fault { "Sender" } else { "Receiver" });
    w.element("Code", code);
    w.element("Message", message);
    w.end("Error");
    w.element("RequestId", request_id);
    w.end("ErrorResponse");
    w.into_string()
}

/// The response document of an EC2 action: `<{action}Response xmlns="namespace">
/// <requestId>…</requestId>` and the output's members directly (EC2 has no result wrapper),
/// as botocore's EC2 parser reads it.
pub fn ec2_response_xml<T: ToXml>(
    action: &str,
    namespace: &str,
    result: Option<&T>,
    request_id: &str,
) -> String {
    let response_tag = format!("{action}Response");
    let mut w = XmlWriter::new();
    w.start_with_namespace(&response_tag, namespace);
    w.element("requestId", request_id);
    if let Some(result) = result {
        result.write_xml(&mut w);
    }
    w.end(&response_tag);
    w.into_string()
}

/// An EC2 error document: `<Response><Errors><Error><Code>code</Code><Message>message
/// </Message></Error></Errors><RequestID>…</RequestID></Response>`.
pub fn ec2_error_xml(code: &str, message: &str, request_id: &str) -> String {
    let mut w = XmlWriter::new();
    w.start("Response");
    w.start("Errors");
    w.start("Error");
    w.element("Code", code);
    w.element("Message", message);
    w.end("Error");
    w.end("Errors");
    w.element("RequestID", request_id);
    w.end("Response");
    w.into_string()
}

#[cfg(test)]
mod tests;
