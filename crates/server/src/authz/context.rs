//! The request context: the condition keys of one request and their values.
//!
//! IAM condition keys are case-insensitive (`aws:UserName` and `aws:username` are one key),
//! and a key may carry several values (`aws:TagKeys`), one value, or none at all (a
//! multivalued key present with an empty set). Keys are stored lower-cased, so that a
//! policy, whose keys are lower-cased once when it is parsed, looks them up without
//! allocating. Values are kept as given: how a value compares (case, numbers, dates,
//! addresses) is the condition operator's business.

use std::collections::BTreeMap;

/// Well-known global condition keys that berth's API layer puts in the context.
///
/// Each is also the name of a policy variable (`${aws:username}`). Names are written in
/// AWS's spelling; lookups ignore case.
pub mod keys {
    /// The IAM user's name (absent for role sessions and the account root).
    pub const USERNAME: &str = "aws:username";
    /// The caller's unique id: a user's id, or `ROLEID:session` for a role session.
    pub const USER_ID: &str = "aws:userid";
    /// The caller's ARN: the user, the role (not the session) or the account root.
    pub const PRINCIPAL_ARN: &str = "aws:PrincipalArn";
    /// The caller's account id.
    pub const PRINCIPAL_ACCOUNT: &str = "aws:PrincipalAccount";
    /// `User`, `AssumedRole`, `Account` or `AWSService`.
    pub const PRINCIPAL_TYPE: &str = "aws:PrincipalType";
    /// The service principal making a call on its own behalf (`ecs-tasks.amazonaws.com`).
    pub const PRINCIPAL_SERVICE_NAME: &str = "aws:PrincipalServiceName";
    /// The client's IP address as the server saw it.
    pub const SOURCE_IP: &str = "aws:SourceIp";
    /// The request time, ISO 8601 in UTC (`2024-05-01T12:00:00Z`).
    pub const CURRENT_TIME: &str = "aws:CurrentTime";
    /// The request time in seconds since the Unix epoch.
    pub const EPOCH_TIME: &str = "aws:EpochTime";
    /// `true` when the request came over TLS.
    pub const SECURE_TRANSPORT: &str = "aws:SecureTransport";
    /// The region the request was signed for.
    pub const REQUESTED_REGION: &str = "aws:RequestedRegion";
    /// For a service acting for a resource (a task role assumed for a task): that resource.
    pub const SOURCE_ARN: &str = "aws:SourceArn";
    /// The account owning [`SOURCE_ARN`].
    pub const SOURCE_ACCOUNT: &str = "aws:SourceAccount";
    /// Tag keys in the request (multivalued).
    pub const TAG_KEYS: &str = "aws:TagKeys";
    /// Prefix of `aws:RequestTag/KEY`: a tag's value in the request.
    pub const REQUEST_TAG_PREFIX: &str = "aws:RequestTag/";
    /// Prefix of `aws:ResourceTag/KEY`: a tag's value on the resource acted on.
    pub const RESOURCE_TAG_PREFIX: &str = "aws:ResourceTag/";
    /// Prefix of `aws:PrincipalTag/KEY`: a tag's value on the calling user or role.
    pub const PRINCIPAL_TAG_PREFIX: &str = "aws:PrincipalTag/";
}

/// Condition keys and their values for one request.
///
/// ```
/// use berth_server::authz::Context;
/// let context = Context::new()
///     .with("aws:username", "alice")
///     .with("ecs:cluster", "arn:aws:ecs:us-east-1:000000000000:cluster/prod");
/// assert_eq!(context.single("AWS:UserName"), Some("alice"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// Lower-cased key → values in the order they were added.
    entries: BTreeMap<String, Vec<String>>,
}

impl Context {
    /// An empty context: every key is absent.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `value` to `key` (builder form of [`Context::add`]).
    #[must_use]
    pub fn with(mut self, key: &str, value: impl Into<String>) -> Self {
        self.add(key, value);
        self
    }

    /// Adds one value to `key`, keeping the values it already has.
    pub fn add(&mut self, key: &str, value: impl Into<String>) {
        self.entries
            .entry(normalize_key(key))
            .or_default()
            .push(value.into());
    }

    /// Sets `key` to exactly `values`; an empty list makes the key present with no values
    /// (which `ForAllValues` treats as an empty set and `Null` as null).
    pub fn set<V: Into<String>>(&mut self, key: &str, values: impl IntoIterator<Item = V>) {
        self.entries.insert(
            normalize_key(key),
            values.into_iter().map(Into::into).collect(),
        );
    }

    /// Removes `key`, making it absent.
    pub fn remove(&mut self, key: &str) {
        self.entries.remove(&normalize_key(key));
    }

    /// The values of `key` (any case), or `None` when the key is absent.
    pub fn values(&self, key: &str) -> Option<&[String]> {
        if key.chars().any(char::is_uppercase) {
            self.values_lower(&normalize_key(key))
        } else {
            self.values_lower(key)
        }
    }

    /// The value of `key` when it has exactly one (what a policy variable needs).
    pub fn single(&self, key: &str) -> Option<&str> {
        match self.values(key)? {
            [one] => Some(one),
            _ => None,
        }
    }

    /// Lookup with a key that is already lower-cased (keys compiled into a policy).
    pub(crate) fn values_lower(&self, key: &str) -> Option<&[String]> {
        self.entries.get(key).map(Vec::as_slice)
    }

    /// [`Context::single`] with a key that is already lower-cased.
    pub(crate) fn single_lower(&self, key: &str) -> Option<&str> {
        match self.values_lower(key)? {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// The one spelling under which a condition key is stored and looked up.
pub(crate) fn normalize_key(key: &str) -> String {
    key.to_lowercase()
}

/// Whether `key` has the shape of a condition key: `vendor:name`, the vendor made of
/// letters, digits, `-` and `.` (`aws:username`, `ecs:cluster`, `aws:RequestTag/team`).
pub(crate) fn is_condition_key(key: &str) -> bool {
    match key.split_once(':') {
        Some((vendor, name)) => {
            is_vendor(vendor) && !name.is_empty() && !name.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// Whether `vendor` is a service prefix as IAM spells them (`ecs`, `aws`, `elasticloadbalancing`).
pub(crate) fn is_vendor(vendor: &str) -> bool {
    !vendor.is_empty()
        && vendor
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_values_accumulate() {
        let mut context = Context::new().with("aws:TagKeys", "team");
        context.add("AWS:tagkeys", "env");
        assert_eq!(
            context.values("aws:tagKEYS"),
            Some(&["team".to_owned(), "env".to_owned()][..])
        );
        assert_eq!(
            context.single("aws:TagKeys"),
            None,
            "two values are not one"
        );
        context.set("aws:TagKeys", Vec::<String>::new());
        assert_eq!(context.values("aws:TagKeys"), Some(&[][..]));
        context.remove("AWS:TAGKEYS");
        assert_eq!(context.values("aws:TagKeys"), None);
    }

    #[test]
    fn values_keep_their_case() {
        let context = Context::new().with("aws:username", "Alice");
        assert_eq!(context.single("aws:UserName"), Some("Alice"));
    }
}
