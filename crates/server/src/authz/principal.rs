//! The `Principal` and `NotPrincipal` elements of trust policies, and who they name.
//!
//! A trust policy says who may assume a role. Its principals are:
//! - `"*"`: everyone;
//! - `{"AWS": …}`: `"*"` (any AWS identity), an account (`"000000000000"` or
//!   `"arn:aws:iam::000000000000:root"`, which stands for every identity of that account,
//!   each still needing an identity policy that allows `sts:AssumeRole`), or one identity:
//!   a user (`arn:aws:iam::ACCOUNT:user/NAME`), a role (`…:role/NAME`, which also names the
//!   role's sessions), a role session (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`) or
//!   a federated user (`arn:aws:sts::ACCOUNT:federated-user/NAME`);
//! - `{"Service": …}`: a service principal such as `ecs-tasks.amazonaws.com`;
//! - `{"Federated": …}`: a SAML or OIDC provider (`arn:aws:iam::ACCOUNT:saml-provider/NAME`)
//!   or a web identity provider (`accounts.google.com`).
//!
//! IAM allows no wildcards in principals other than a whole `"*"`; narrowing "everyone" is
//! done with conditions (`aws:PrincipalArn`, `aws:SourceAccount`).

use super::error::PolicyError;
use super::evaluate::TrustGrant;
use super::json::Json;

/// Who asks to assume a role (or to do what else a trust policy governs).
///
/// For a user or a role session the account is the fifth field of the ARN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrustPrincipal<'a> {
    /// The account root (in berth, an administrator key), named by the account id.
    Account(&'a str),
    /// An IAM user, by ARN (`arn:aws:iam::000000000000:user/alice`).
    User(&'a str),
    /// A session of an assumed role: the role's ARN (`arn:aws:iam::0…0:role/app`) and the
    /// session's (`arn:aws:sts::0…0:assumed-role/app/session-1`). A policy naming either
    /// trusts it.
    RoleSession {
        role_arn: &'a str,
        session_arn: &'a str,
    },
    /// A service principal (`ecs-tasks.amazonaws.com`).
    Service(&'a str),
    /// A federated identity provider (an IAM SAML/OIDC provider ARN or a domain).
    Federated(&'a str),
}

impl<'a> TrustPrincipal<'a> {
    /// The account the principal belongs to; `None` for services and federated providers.
    pub fn account(&self) -> Option<&'a str> {
        match *self {
            TrustPrincipal::Account(account) => Some(account),
            TrustPrincipal::User(arn) => arn_account(arn),
            TrustPrincipal::RoleSession { role_arn, .. } => arn_account(role_arn),
            TrustPrincipal::Service(_) | TrustPrincipal::Federated(_) => None,
        }
    }

    fn is_aws(&self) -> bool {
        matches!(
            self,
            TrustPrincipal::Account(_)
                | TrustPrincipal::User(_)
                | TrustPrincipal::RoleSession { .. }
        )
    }
}

/// The account field of an ARN.
fn arn_account(arn: &str) -> Option<&str> {
    arn.split(':').nth(4)
}

/// One entry under `"AWS"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AwsPrincipal {
    /// `"*"`.
    Anyone,
    /// An account id, from `"ACCOUNT"` or `"arn:…:iam::ACCOUNT:root"`; `text` is as written.
    Account { account: Box<str>, text: Box<str> },
    /// One user, role, role session or federated user.
    Arn(Box<str>),
}

/// A compiled `Principal` or `NotPrincipal` element.
#[derive(Debug, Clone, Default)]
pub(crate) struct Principals {
    /// `"Principal": "*"`.
    everyone: bool,
    aws: Vec<AwsPrincipal>,
    /// Lower-cased: service names compare regardless of case.
    services: Vec<Box<str>>,
    federated: Vec<Box<str>>,
}

impl Principals {
    /// Compiles the element's value; `place` names the statement in messages.
    pub(crate) fn compile(value: &Json, place: &str) -> Result<Principals, PolicyError> {
        let mut principals = Principals::default();
        let members = match value {
            Json::String(star) if star == "*" => {
                principals.everyone = true;
                return Ok(principals);
            }
            Json::Object(members) if !members.is_empty() => members,
            other => {
                let shown = match other {
                    Json::String(text) => format!("\"{text}\""),
                    other => other.type_name().to_owned(),
                };
                return Err(invalid(
                    &shown,
                    format_args!(
                        "{place}: a principal is \"*\" or an object such as \
                         {{\"Service\": \"ecs-tasks.amazonaws.com\"}} or \
                         {{\"AWS\": \"arn:aws:iam::000000000000:root\"}}."
                    ),
                ));
            }
        };
        for (kind, entries) in members {
            let names = principal_names(entries).ok_or_else(|| {
                invalid(
                    &format!("\"{kind}\":{}", entries.type_name()),
                    format_args!(
                        "{place}: principals are a string or a non-empty list of strings."
                    ),
                )
            })?;
            for name in names {
                let shown = format!("\"{kind}\":\"{name}\"");
                match kind.as_str() {
                    "AWS" => principals.aws.push(aws_principal(name).ok_or_else(|| {
                        invalid(
                            &shown,
                            format_args!(
                                "{place}: an AWS principal is \"*\", a 12-digit account id, or \
                                 the ARN of an account root, user, role or role session, such \
                                 as arn:aws:iam::000000000000:role/NAME."
                            ),
                        )
                    })?),
                    "Service" if is_service_name(name) => {
                        principals.services.push(name.to_ascii_lowercase().into())
                    }
                    "Service" => {
                        return Err(invalid(
                            &shown,
                            format_args!(
                                "{place}: a service principal is a service's DNS name, such as \
                                 ecs-tasks.amazonaws.com, without wildcards."
                            ),
                        ))
                    }
                    "Federated" if is_federated_name(name) => {
                        principals.federated.push(name.into())
                    }
                    "Federated" => {
                        return Err(invalid(
                            &shown,
                            format_args!(
                                "{place}: a federated principal is the ARN of an IAM SAML or \
                                 OIDC provider, or a provider's domain such as \
                                 accounts.google.com."
                            ),
                        ))
                    }
                    _ => {
                        return Err(invalid(
                            &shown,
                            format_args!(
                                "{place}: berth's trust policies name \"AWS\", \"Service\" or \
                                 \"Federated\" principals."
                            ),
                        ))
                    }
                }
            }
        }
        Ok(principals)
    }

    /// Whether `principal` is one of these, and how: by itself, or through its account.
    pub(crate) fn names(&self, principal: &TrustPrincipal) -> Option<TrustGrant> {
        if self.everyone {
            return Some(TrustGrant::Named);
        }
        match *principal {
            TrustPrincipal::Service(name) => self
                .services
                .iter()
                .any(|s| s.eq_ignore_ascii_case(name))
                .then_some(TrustGrant::Named),
            TrustPrincipal::Federated(name) => self
                .federated
                .iter()
                .any(|f| **f == *name)
                .then_some(TrustGrant::Named),
            _ => {
                let mut grant = None;
                for entry in &self.aws {
                    match aws_names(entry, principal) {
                        Some(TrustGrant::Named) => return Some(TrustGrant::Named),
                        Some(TrustGrant::Account) => grant = Some(TrustGrant::Account),
                        None => {}
                    }
                }
                grant
            }
        }
    }

    /// The `"AWS"` entries other than `"*"`, as written: accounts and ARNs the IAM API may
    /// want to check exist.
    pub(crate) fn aws_names(&self) -> impl Iterator<Item = &str> {
        self.aws.iter().filter_map(|entry| match entry {
            AwsPrincipal::Anyone => None,
            AwsPrincipal::Account { text, .. } => Some(&**text),
            AwsPrincipal::Arn(arn) => Some(&**arn),
        })
    }
}

/// Whether the `"AWS"` entry names `principal` (an AWS identity), and how.
fn aws_names(entry: &AwsPrincipal, principal: &TrustPrincipal) -> Option<TrustGrant> {
    if !principal.is_aws() {
        return None;
    }
    let named = match entry {
        AwsPrincipal::Anyone => true,
        AwsPrincipal::Account { account, .. } => {
            return (principal.account() == Some(&**account)).then_some(TrustGrant::Account)
        }
        AwsPrincipal::Arn(arn) => match *principal {
            TrustPrincipal::User(user) => user == &**arn,
            TrustPrincipal::RoleSession {
                role_arn,
                session_arn,
            } => role_arn == &**arn || session_arn == &**arn,
            _ => false,
        },
    };
    named.then_some(TrustGrant::Named)
}

fn invalid(shown: &str, detail: std::fmt::Arguments) -> PolicyError {
    PolicyError::Malformed(format!("Invalid principal in policy: {shown}. {detail}"))
}

fn principal_names(value: &Json) -> Option<Vec<&str>> {
    match value {
        Json::String(name) => Some(vec![name]),
        Json::Array(items) if !items.is_empty() => items
            .iter()
            .map(|item| match item {
                Json::String(name) => Some(name.as_str()),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

/// Partitions an ARN may name.
pub(crate) const PARTITIONS: &[&str] = &[
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
];

fn is_account_id(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit())
}

fn aws_principal(name: &str) -> Option<AwsPrincipal> {
    if name == "*" {
        return Some(AwsPrincipal::Anyone);
    }
    if is_account_id(name) {
        return Some(AwsPrincipal::Account {
            account: name.into(),
            text: name.into(),
        });
    }
    let fields: Vec<&str> = name.splitn(6, ':').collect();
    let [arn, partition, service, region, account, resource] = fields.as_slice() else {
        return None;
    };
    let well_formed = *arn == "arn"
        && PARTITIONS.contains(partition)
        && region.is_empty()
        && is_account_id(account)
        && !name.contains(['*', '?']);
    if !well_formed {
        return None;
    }
    let named = |prefix: &str, parts: usize| {
        resource.strip_prefix(prefix).is_some_and(|rest| {
            let names: Vec<&str> = rest.split('/').collect();
            names.len() >= parts && names.iter().all(|n| !n.is_empty())
        })
    };
    match *service {
        "iam" if *resource == "root" => Some(AwsPrincipal::Account {
            account: (*account).into(),
            text: name.into(),
        }),
        "iam" if named("user/", 1) || named("role/", 1) => Some(AwsPrincipal::Arn(name.into())),
        "sts" if named("assumed-role/", 2) || named("federated-user/", 1) => {
            Some(AwsPrincipal::Arn(name.into()))
        }
        _ => None,
    }
}

/// A DNS name: labels of letters, digits and `-`, at least two of them.
fn is_dns_name(name: &str) -> bool {
    let labels: Vec<&str> = name.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

fn is_service_name(name: &str) -> bool {
    name.len() <= 253 && is_dns_name(name)
}

fn is_federated_name(name: &str) -> bool {
    let provider_arn = name.splitn(6, ':').collect::<Vec<_>>();
    match provider_arn.as_slice() {
        ["arn", partition, "iam", "", account, resource] => {
            PARTITIONS.contains(partition)
                && is_account_id(account)
                && (resource.starts_with("saml-provider/")
                    || resource.starts_with("oidc-provider/"))
                && !name.contains(['*', '?'])
        }
        _ => is_service_name(name),
    }
}

#[cfg(test)]
mod tests {
    use super::super::json::parse;
    use super::*;

    fn principals(json: &str) -> Principals {
        Principals::compile(&parse(json).unwrap(), "statement 1").unwrap()
    }

    impl Principals {
        fn contains(&self, principal: &TrustPrincipal) -> bool {
            self.names(principal).is_some()
        }
    }

    fn refused(json: &str) -> String {
        Principals::compile(&parse(json).unwrap(), "statement 1")
            .unwrap_err()
            .to_string()
    }

    const USER: TrustPrincipal = TrustPrincipal::User("arn:aws:iam::000000000000:user/alice");
    const SESSION: TrustPrincipal = TrustPrincipal::RoleSession {
        role_arn: "arn:aws:iam::000000000000:role/app",
        session_arn: "arn:aws:sts::000000000000:assumed-role/app/s1",
    };
    const ROOT: TrustPrincipal = TrustPrincipal::Account("000000000000");
    const ECS_TASKS: TrustPrincipal = TrustPrincipal::Service("ecs-tasks.amazonaws.com");

    #[test]
    fn star_names_everyone() {
        let all = principals(r#""*""#);
        for p in [
            USER,
            SESSION,
            ROOT,
            ECS_TASKS,
            TrustPrincipal::Federated("x.com"),
        ] {
            assert!(all.contains(&p), "{p:?}");
        }
        let any_aws = principals(r#"{"AWS": "*"}"#);
        assert!(any_aws.contains(&USER) && any_aws.contains(&ROOT));
        assert!(
            !any_aws.contains(&ECS_TASKS),
            "AWS:* names identities, not services"
        );
    }

    #[test]
    fn an_account_names_all_its_identities() {
        for json in [
            r#"{"AWS": "000000000000"}"#,
            r#"{"AWS": "arn:aws:iam::000000000000:root"}"#,
        ] {
            let account = principals(json);
            assert!(account.contains(&USER) && account.contains(&SESSION));
            assert!(account.contains(&ROOT));
            assert_eq!(account.names(&USER), Some(TrustGrant::Account));
            assert!(!account.contains(&TrustPrincipal::User("arn:aws:iam::111111111111:user/a")));
            assert!(!account.contains(&ECS_TASKS));
        }
    }

    #[test]
    fn an_arn_names_one_identity_and_a_role_its_sessions() {
        let user = principals(r#"{"AWS": ["arn:aws:iam::000000000000:user/alice"]}"#);
        assert_eq!(user.names(&USER), Some(TrustGrant::Named));
        assert!(!user.contains(&TrustPrincipal::User("arn:aws:iam::000000000000:user/bob")));
        assert!(!user.contains(&ROOT));
        let role = principals(r#"{"AWS": "arn:aws:iam::000000000000:role/app"}"#);
        assert!(role.contains(&SESSION));
        let session = principals(r#"{"AWS": "arn:aws:sts::000000000000:assumed-role/app/s1"}"#);
        assert!(session.contains(&SESSION));
        let other_session =
            principals(r#"{"AWS": "arn:aws:sts::000000000000:assumed-role/app/s2"}"#);
        assert!(!other_session.contains(&SESSION));
    }

    #[test]
    fn services_compare_regardless_of_case() {
        let ecs = principals(r#"{"Service": ["ecs-tasks.amazonaws.com", "ec2.amazonaws.com"]}"#);
        assert!(ecs.contains(&ECS_TASKS));
        assert!(ecs.contains(&TrustPrincipal::Service("ECS-Tasks.amazonaws.com")));
        assert!(!ecs.contains(&TrustPrincipal::Service("lambda.amazonaws.com")));
        assert!(!ecs.contains(&ROOT));
    }

    #[test]
    fn lists_the_aws_names_to_check() {
        let mixed = principals(
            r#"{"AWS": ["*", "000000000000", "arn:aws:iam::000000000000:role/app"],
                "Service": "ecs-tasks.amazonaws.com"}"#,
        );
        let names: Vec<&str> = mixed.aws_names().collect();
        assert_eq!(
            names,
            ["000000000000", "arn:aws:iam::000000000000:role/app"]
        );
    }

    #[test]
    fn refuses_what_iam_refuses() {
        let cases = [
            (
                r#""arn:aws:iam::000000000000:root""#,
                "Invalid principal in policy: \"arn:aws",
            ),
            (r#"{}"#, "Invalid principal in policy"),
            (r#"{"AWS": []}"#, "non-empty list"),
            (
                r#"{"AWS": "alice"}"#,
                "Invalid principal in policy: \"AWS\":\"alice\"",
            ),
            (r#"{"AWS": "12345"}"#, "12-digit account id"),
            (
                r#"{"AWS": "arn:aws:iam::000000000000:user/*"}"#,
                "\"AWS\":\"arn:aws:iam",
            ),
            (
                r#"{"AWS": "arn:aws:iam::000000000000:group/devs"}"#,
                "role session",
            ),
            (
                r#"{"AWS": "arn:aws:iam:us-east-1:000000000000:user/a"}"#,
                "Invalid principal",
            ),
            (
                r#"{"AWS": "arn:aws:sts::000000000000:assumed-role/app"}"#,
                "Invalid principal",
            ),
            (r#"{"Service": "*"}"#, "service's DNS name"),
            (r#"{"Service": "ecs tasks"}"#, "service's DNS name"),
            (
                r#"{"Federated": "arn:aws:iam::000000000000:role/x"}"#,
                "federated principal",
            ),
            (
                r#"{"CanonicalUser": "abc"}"#,
                "\"AWS\", \"Service\" or \"Federated\"",
            ),
            (r#"{"AWS": 123456789012}"#, "a string or a non-empty list"),
        ];
        for (json, expected) in cases {
            let message = refused(json);
            assert!(
                message.starts_with("Invalid principal in policy"),
                "{json}: {message}"
            );
            assert!(message.contains(expected), "{json}: {message}");
        }
        let ok = principals(
            r#"{"Federated": ["accounts.google.com", "arn:aws:iam::000000000000:saml-provider/corp"]}"#,
        );
        assert!(ok.contains(&TrustPrincipal::Federated("accounts.google.com")));
    }
}
