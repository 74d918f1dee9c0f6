//! What the IAM API's resources share: IAM's name, path and tag rules, its exceptions, its
//! quotas, policy documents as IAM takes and returns them, and paging with `Marker`.
//!
//! Roles are in `iam_roles.rs`, users and their access keys in `iam_users.rs`.

use std::collections::BTreeMap;

use base64::Engine;
use berth_api::iam::Tag;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};

use berth_store::{Compare, Op, Revision};
use serde::Serialize;

use super::{put_json, txn, App};
use crate::authz::{Policy, PolicyError, PolicyKind};
use crate::error::{Error, Result};
use crate::iam_entities::IamEntities;

/// IAM's default quota of roles per account.
pub(crate) const MAX_ROLES: usize = 1000;
/// IAM's default quota of users per account.
pub(crate) const MAX_USERS: usize = 5000;
/// IAM's quota of access keys per user.
pub(crate) const MAX_ACCESS_KEYS_PER_USER: usize = 2;
/// The most characters, whitespace included, that one user's or role's inline policies may
/// hold together. IAM's own quotas do not count whitespace, so without this bound a role
/// could make berth store megabytes of blanks; real documents are far below it.
pub(crate) const MAX_STORED_POLICY_CHARS: usize = 512 * 1024;
/// Items in one page when the request gives no `MaxItems`, as IAM.
const DEFAULT_MAX_ITEMS: usize = 100;
/// Attempts at a compare-and-swap before giving up with a conflict.
const CAS_ATTEMPTS: usize = 5;

/// What a change to one IAM record writes, in one transaction: the record again (or its
/// deletion, `None`) and any other operations.
pub(crate) struct Rewrite<R> {
    pub record: Option<R>,
    pub also: Vec<Op>,
}

impl<R> Rewrite<R> {
    pub(crate) fn put(record: R) -> Self {
        Self {
            record: Some(record),
            also: Vec::new(),
        }
    }

    pub(crate) fn delete() -> Self {
        Self {
            record: None,
            also: Vec::new(),
        }
    }
}

/// An IAM record as read from the view for a change: the record, the revision it was
/// written at, and its key.
pub(crate) type Current<R> = (R, Revision, String);

impl App {
    /// Reads an IAM record from the view with `read`, applies `change` and writes the
    /// result, compare-and-swap on the record's revision, retrying a lost race. Returns
    /// the record as written.
    pub(crate) async fn rewrite_iam<R: Serialize>(
        &self,
        read: impl Fn(&IamEntities) -> Result<Current<R>>,
        change: impl Fn(&R) -> Result<Rewrite<R>>,
    ) -> Result<Option<R>> {
        for _ in 0..CAS_ATTEMPTS {
            let (record, revision, key) = read(&self.view.read().iam)?;
            let rewrite = change(&record)?;
            let mut ops = vec![match &rewrite.record {
                Some(record) => put_json(key.clone(), record)?,
                None => Op::Delete { key: key.clone() },
            }];
            ops.extend(rewrite.also);
            match self
                .commit(txn(vec![Compare::mod_revision(key, revision)], ops))
                .await
            {
                Err(Error::Conflict) => continue,
                Err(error) => return Err(error),
                Ok(_) => return Ok(rewrite.record),
            }
        }
        Err(Error::Conflict)
    }
}

/// `NoSuchEntity` (404).
pub(crate) fn no_such_entity(message: impl Into<String>) -> Error {
    iam_error("NoSuchEntity", 404, message)
}

/// `EntityAlreadyExists` (409).
pub(crate) fn already_exists(message: impl Into<String>) -> Error {
    iam_error("EntityAlreadyExists", 409, message)
}

/// `LimitExceeded` (409).
pub(crate) fn limit_exceeded(message: impl Into<String>) -> Error {
    iam_error("LimitExceeded", 409, message)
}

/// `DeleteConflict` (409).
pub(crate) fn delete_conflict(message: impl Into<String>) -> Error {
    iam_error("DeleteConflict", 409, message)
}

fn iam_error(code: &'static str, status: u16, message: impl Into<String>) -> Error {
    Error::Api {
        code,
        message: message.into(),
        status,
    }
}

/// A policy document IAM refuses: `MalformedPolicyDocument` for its content,
/// `ValidationError` for breaking the API model's own limits.
pub(crate) fn policy_error(error: PolicyError) -> Error {
    match error {
        PolicyError::Malformed(message) => Error::api("MalformedPolicyDocument", message),
        other => Error::invalid(other.to_string()),
    }
}

/// Parses a document as `kind`, with IAM's error for a bad one.
pub(crate) fn parse_policy(document: &str, kind: PolicyKind) -> Result<Policy> {
    Policy::parse(document, kind).map_err(policy_error)
}

/// IAM's `[\w+=,.@-]+` for user, role and policy names (lengths are the model's, checked
/// before).
pub(crate) fn check_name(member: &str, value: &str) -> Result<()> {
    let allowed =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '=' | ',' | '.' | '@' | '-');
    if !value.is_empty() && value.chars().all(allowed) {
        return Ok(());
    }
    Err(pattern_error(member, value, r"[\w+=,.@-]+"))
}

/// A path (`/` or `/a/b/`, default `/`), as IAM's pattern
/// `(\u002F)|(\u002F[\u0021-\u007E]+\u002F)`.
pub(crate) fn check_path(member: &str, path: Option<&str>) -> Result<String> {
    let path = path.unwrap_or("/");
    let ok = path == "/"
        || (path.len() >= 3
            && path.starts_with('/')
            && path.ends_with('/')
            && path.chars().all(|c| ('\u{21}'..='\u{7e}').contains(&c)));
    if ok {
        Ok(path.to_owned())
    } else {
        Err(pattern_error(
            member,
            path,
            r"(\u002F)|(\u002F[\u0021-\u007E]+\u002F)",
        ))
    }
}

/// A path prefix for listings (`/` when absent): starts with `/`, printable ASCII.
pub(crate) fn check_path_prefix(prefix: Option<&str>) -> Result<String> {
    let prefix = prefix.unwrap_or("/");
    if prefix.starts_with('/') && prefix.chars().all(|c| ('\u{21}'..='\u{7e}').contains(&c)) {
        Ok(prefix.to_owned())
    } else {
        Err(pattern_error(
            "pathPrefix",
            prefix,
            r"\u002F[\u0021-\u007F]*",
        ))
    }
}

fn pattern_error(member: &str, value: &str, pattern: &str) -> Error {
    Error::invalid(format!(
        "1 validation error detected: Value '{value}' at '{member}' failed to satisfy \
         constraint: Member must satisfy regular expression pattern: {pattern}"
    ))
}

/// IAM's tag rules: at most 50, keys unique regardless of case, none under `aws:`, keys and
/// values of letters, digits, spaces and `_.:/=+-@` (lengths are the model's).
pub(crate) fn check_tags(tags: Option<Vec<Tag>>) -> Result<Vec<Tag>> {
    let tags = tags.unwrap_or_default();
    let allowed = |c: char| {
        c.is_alphanumeric()
            || c.is_whitespace()
            || matches!(c, '_' | '.' | ':' | '/' | '=' | '+' | '-' | '@')
    };
    let mut seen = std::collections::HashSet::new();
    for tag in &tags {
        if !tag.key.chars().all(allowed) || tag.key.is_empty() {
            return Err(pattern_error(
                "tags.member.key",
                &tag.key,
                r"[\p{L}\p{Z}\p{N}_.:/=+\-@]+",
            ));
        }
        if !tag.value.chars().all(allowed) {
            return Err(pattern_error(
                "tags.member.value",
                &tag.value,
                r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*",
            ));
        }
        if tag.key.to_ascii_lowercase().starts_with("aws:") {
            return Err(Error::invalid(format!(
                "The tag key '{}' uses the prefix 'aws:', which AWS reserves.",
                tag.key
            )));
        }
        if !seen.insert(tag.key.to_lowercase()) {
            return Err(Error::invalid(format!(
                "Duplicate tag keys found: the key '{}' is given more than once (keys are \
                 compared regardless of case).",
                tag.key
            )));
        }
    }
    Ok(tags)
}

/// Refuses a member berth does not apply, naming it.
pub(crate) fn refuse_member(present: bool, member: &str, why: &str) -> Result<()> {
    if present {
        return Err(Error::invalid(format!(
            "berth does not support {member}: {why}. Leave it out."
        )));
    }
    Ok(())
}

/// A user's or role's inline policies: name → document, as sent.
pub(crate) type InlinePolicies = BTreeMap<String, String>;

/// `policies` with `name` set to `document` (already validated), within IAM's `quota` for
/// `entity` (`role NAME`, `user NAME`).
pub(crate) fn put_inline(
    policies: &InlinePolicies,
    name: &str,
    document: &str,
    quota: usize,
    entity: &str,
) -> Result<InlinePolicies> {
    check_inline_quota(policies, name, document, quota, entity)?;
    let mut policies = policies.clone();
    policies.insert(name.to_owned(), document.to_owned());
    Ok(policies)
}

/// `policies` without `name`, or `missing(name)` when there is no such policy.
pub(crate) fn remove_inline(
    policies: &InlinePolicies,
    name: &str,
    missing: fn(&str) -> Error,
) -> Result<InlinePolicies> {
    let mut policies = policies.clone();
    policies.remove(name).ok_or_else(|| missing(name))?;
    Ok(policies)
}

/// The document of policy `name`, URL-encoded as IAM returns it.
pub(crate) fn inline_document(
    policies: &InlinePolicies,
    name: &str,
    missing: fn(&str) -> Error,
) -> Result<String> {
    policies
        .get(name)
        .map(|document| encode_policy(document))
        .ok_or_else(|| missing(name))
}

/// A page of policy names.
pub(crate) fn inline_names(
    policies: &InlinePolicies,
    marker: Option<&str>,
    max_items: Option<i32>,
) -> Result<(Vec<String>, Option<String>)> {
    page(
        policies.keys().map(|name| (name, name.clone())),
        marker,
        max_items,
    )
}

/// Checks that `documents` with `name` set to `document` stay within IAM's quota
/// (`quota` characters, whitespace not counted) and berth's bound on stored text.
fn check_inline_quota(
    documents: &BTreeMap<String, String>,
    name: &str,
    document: &str,
    quota: usize,
    entity: &str,
) -> Result<()> {
    let others = documents.iter().filter(|(n, _)| n.as_str() != name);
    let counted: usize = others
        .clone()
        .map(|(_, d)| crate::authz::policy_size(d))
        .sum::<usize>()
        + crate::authz::policy_size(document);
    if counted > quota {
        return Err(limit_exceeded(format!(
            "Maximum policy size of {quota} bytes exceeded for {entity}"
        )));
    }
    let stored: usize =
        others.map(|(_, d)| d.chars().count()).sum::<usize>() + document.chars().count();
    if stored > MAX_STORED_POLICY_CHARS {
        return Err(limit_exceeded(format!(
            "The inline policies of {entity} would hold {stored} characters with whitespace; \
             berth keeps at most {MAX_STORED_POLICY_CHARS} per user or role. Remove \
             whitespace from the documents."
        )));
    }
    Ok(())
}

/// Characters a policy document keeps as they are when IAM returns it URL-encoded
/// (RFC 3986's unreserved set). botocore and the aws CLI decode it; the SDKs return it as
/// sent.
const POLICY_ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// A policy document as IAM's responses carry it: URL-encoded.
pub(crate) fn encode_policy(document: &str) -> String {
    percent_encoding::utf8_percent_encode(document, POLICY_ENCODE).to_string()
}

/// One page of a listing sorted by key: the items from `marker` on, at most `max_items`
/// (IAM's default 100), and the marker of the next page if there is one. A marker is the
/// next item's key, base64 encoded.
pub(crate) fn page<'a, T>(
    items: impl Iterator<Item = (&'a String, T)>,
    marker: Option<&str>,
    max_items: Option<i32>,
) -> Result<(Vec<T>, Option<String>)> {
    let start = match marker {
        None => None,
        Some(marker) => Some(
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(marker)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .ok_or_else(|| {
                    Error::invalid(
                        "The Marker is not one this API returned: pass the Marker of the \
                         previous page as it was given.",
                    )
                })?,
        ),
    };
    let max = max_items.map_or(DEFAULT_MAX_ITEMS, |m| m.max(1) as usize);
    let mut page = Vec::new();
    let mut next = None;
    for (key, item) in items {
        if start.as_deref().is_some_and(|start| key.as_str() < start) {
            continue;
        }
        if page.len() == max {
            next = Some(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(key));
            break;
        }
        page.push(item);
    }
    Ok((page, next))
}

/// `arn:aws:iam::ACCOUNT:KIND/PATH…NAME` (the path's slashes included).
pub(crate) fn iam_arn(
    partition: &str,
    account: &str,
    kind: &str,
    path: &str,
    name: &str,
) -> String {
    format!("arn:{partition}:iam::{account}:{kind}{path}{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_paths_follow_iams_patterns() {
        assert!(check_name("roleName", "web_app+1=x,y.z@co-2").is_ok());
        for bad in ["", "a b", "a/b", "naïve", "a*"] {
            let error = check_name("roleName", bad).expect_err(bad);
            assert!(error
                .to_string()
                .contains("at 'roleName' failed to satisfy constraint"));
        }
        assert_eq!(check_path("path", None).expect("default"), "/");
        assert_eq!(check_path("path", Some("/a/b/")).expect("ok"), "/a/b/");
        for bad in ["a/", "/a", "/x/y", "/a b/", ""] {
            assert!(check_path("path", Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn tags_are_checked_as_iam_does() {
        let tag = |k: &str, v: &str| Tag {
            key: k.into(),
            value: v.into(),
        };
        assert!(check_tags(Some(vec![tag("team", "blue"), tag("env", "")])).is_ok());
        assert!(check_tags(Some(vec![tag("team", "a"), tag("TEAM", "b")])).is_err());
        assert!(check_tags(Some(vec![tag("aws:x", "a")])).is_err());
        assert!(check_tags(Some(vec![tag("a*", "b")])).is_err());
    }

    #[test]
    fn policies_are_url_encoded_as_iam_returns_them() {
        let document = r#"{"Version": "2012-10-17", "Statement": [{"Action": "s3:*"}]}"#;
        let encoded = encode_policy(document);
        assert_eq!(
            encoded,
            "%7B%22Version%22%3A%20%222012-10-17%22%2C%20%22Statement%22%3A%20%5B%7B%22Action\
             %22%3A%20%22s3%3A%2A%22%7D%5D%7D"
        );
        let decoded = percent_encoding::percent_decode_str(&encoded)
            .decode_utf8()
            .expect("utf-8");
        assert_eq!(decoded, document);
    }

    #[test]
    fn pages_resume_at_the_marker() {
        let keys: Vec<String> = ["a", "b", "c", "d", "e"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let items = || keys.iter().map(|k| (k, k.as_str()));
        let (first, marker) = page(items(), None, Some(2)).expect("page");
        assert_eq!(first, ["a", "b"]);
        let (second, marker) = page(items(), marker.as_deref(), Some(2)).expect("page");
        assert_eq!(second, ["c", "d"]);
        let (last, marker) = page(items(), marker.as_deref(), Some(2)).expect("page");
        assert_eq!((last, marker), (vec!["e"], None));
        assert!(page(items(), Some("!!"), None).is_err());
    }

    #[test]
    fn inline_quotas_count_without_whitespace() {
        let mut documents = BTreeMap::new();
        documents.insert("a".to_owned(), "x".repeat(2000));
        assert!(check_inline_quota(&documents, "b", &"y".repeat(48), 2048, "user u").is_ok());
        let error =
            check_inline_quota(&documents, "b", &"y".repeat(49), 2048, "user u").expect_err("over");
        assert_eq!(
            error.to_string(),
            "Maximum policy size of 2048 bytes exceeded for user u"
        );
        assert!(
            check_inline_quota(&documents, "a", &"y".repeat(2048), 2048, "user u").is_ok(),
            "a replaced policy does not count twice"
        );
        assert!(check_inline_quota(
            &documents,
            "b",
            &format!("y{}", " ".repeat(10_000)),
            2048,
            "user u"
        )
        .is_ok());
    }
}
