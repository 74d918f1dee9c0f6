//! Names and ARNs of SSM parameters and Secrets Manager secrets, and the references to them
//! that requests and task definitions carry: a parameter named with an optional version or
//! label selector (`/app/db:3`, `arn:aws:ssm:…:parameter/app/db:prod`), a secret named by
//! name, full ARN or partial ARN, and an ECS `secrets[].valueFrom` or
//! `repositoryCredentials.credentialsParameter`.
//!
//! Pure (only `berth_api` and `std`): the SSM and Secrets Manager app layers use it to find
//! what a request names, and task definition registration to refuse a reference of the
//! wrong form at the call.

use berth_api::arn::ArnScope;

/// The longest parameter name SSM lets users create (its model's 2,048 includes room
/// reserved for the ARN).
pub const MAX_PARAMETER_NAME_LEN: usize = 1011;
/// The deepest parameter hierarchy SSM allows (`/a/b/…`).
pub const MAX_HIERARCHY_LEVELS: usize = 15;
/// The longest Secrets Manager secret name.
pub const MAX_SECRET_NAME_LEN: usize = 512;
/// The length of the random suffix Secrets Manager appends to a secret's ARN (`-AbCdEf`).
pub const SECRET_SUFFIX_LEN: usize = 6;

/// `arn:aws:ssm:REGION:ACCOUNT:parameter/NAME`; a leading `/` of the name is not repeated.
pub fn parameter_arn(scope: &ArnScope, name: &str) -> String {
    format!(
        "arn:{}:ssm:{}:{}:parameter/{}",
        scope.partition,
        scope.region,
        scope.account,
        name.trim_start_matches('/')
    )
}

/// `arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-SUFFIX`.
pub fn secret_arn(scope: &ArnScope, name: &str, suffix: &str) -> String {
    format!("{}-{suffix}", partial_secret_arn(scope, name))
}

/// `arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME`: what names a secret before it has
/// a suffix (the resource CreateSecret is authorized on) or when a user leaves it out.
pub fn partial_secret_arn(scope: &ArnScope, name: &str) -> String {
    format!(
        "arn:{}:secretsmanager:{}:{}:secret:{name}",
        scope.partition, scope.region, scope.account
    )
}

/// Checks a parameter name against SSM's rules. The error is SSM's message.
pub fn check_parameter_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("Parameter name must not be empty.".into());
    }
    if name.chars().count() > MAX_PARAMETER_NAME_LEN {
        return Err(format!(
            "Parameter name {name:.40}… is longer than {MAX_PARAMETER_NAME_LEN} characters."
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || "_.-/".contains(*c)))
    {
        return Err(format!(
            "Parameter name {name} contains '{bad}': a parameter name can only contain \
             letters, numbers and the symbols _.-/ (/ separating hierarchy levels)."
        ));
    }
    let bare = name.trim_start_matches('/');
    let lower = bare.to_ascii_lowercase();
    if lower.starts_with("aws") || lower.starts_with("ssm") {
        return Err(
            "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).".into(),
        );
    }
    if name.contains('/') {
        if !name.starts_with('/') {
            return Err(format!(
                "Parameter name {name} is not fully qualified: a name with hierarchy levels \
                 must begin with a forward slash (/)."
            ));
        }
        if name.ends_with('/') || name[1..].split('/').any(str::is_empty) {
            return Err(format!(
                "Parameter name {name} has an empty hierarchy level: do not end it with '/' \
                 or repeat '/'."
            ));
        }
    }
    Ok(())
}

/// The hierarchy levels of a parameter name (`/a/b/c` has 3; `name` has 1).
pub fn hierarchy_levels(name: &str) -> usize {
    name.trim_start_matches('/').split('/').count()
}

/// A version or label selector after a parameter name (`name:3`, `name:prod`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    Version(i64),
    Label(String),
}

impl Selector {
    /// `:3` or `:prod`, as SSM shows it in `Parameter.Selector`.
    pub fn display(&self) -> String {
        match self {
            Selector::Version(v) => format!(":{v}"),
            Selector::Label(l) => format!(":{l}"),
        }
    }
}

/// A parameter as a request names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParameterRef {
    /// The names it may be, most likely first: an ARN's `parameter/a` is the parameter
    /// `a` or `/a` (both have that ARN), `parameter/a/b` only `/a/b`.
    pub names: Vec<String>,
    pub selector: Option<Selector>,
}

/// Reads `name`, `name:selector`, or a parameter ARN with an optional selector. An ARN of
/// another region or account is refused: berth holds parameters of one region.
pub fn parse_parameter_ref(scope: &ArnScope, text: &str) -> Result<ParameterRef, String> {
    let (names, rest) = if text.starts_with("arn:") {
        let resource = arn_resource(scope, text, "ssm")?;
        let rest = resource.strip_prefix("parameter/").ok_or_else(|| {
            format!(
                "{text} is not the ARN of a parameter (arn:aws:ssm:REGION:ACCOUNT:parameter/NAME)."
            )
        })?;
        let (path, selector) = split_selector(rest);
        let names = if path.contains('/') {
            vec![format!("/{path}")]
        } else {
            vec![path.to_owned(), format!("/{path}")]
        };
        (names, selector)
    } else {
        let (name, selector) = split_selector(text);
        (vec![name.to_owned()], selector)
    };
    for name in &names {
        check_parameter_name(name)?;
    }
    let selector = match rest {
        None => None,
        Some(selector) => Some(parse_selector(text, selector)?),
    };
    Ok(ParameterRef { names, selector })
}

fn split_selector(text: &str) -> (&str, Option<&str>) {
    match text.split_once(':') {
        Some((name, selector)) => (name, Some(selector)),
        None => (text, None),
    }
}

fn parse_selector(text: &str, selector: &str) -> Result<Selector, String> {
    if selector.is_empty() || selector.contains(':') {
        return Err(format!(
            "{text} has an invalid selector: name a version (name:3) or a label (name:prod) \
             after one colon."
        ));
    }
    if selector.chars().all(|c| c.is_ascii_digit()) {
        return match selector.parse::<i64>() {
            Ok(version) if version >= 1 => Ok(Selector::Version(version)),
            _ => Err(format!(
                "{text} names version {selector}, which cannot exist."
            )),
        };
    }
    Ok(Selector::Label(selector.to_owned()))
}

/// The resource part of an ARN of `service` in this scope.
fn arn_resource<'a>(scope: &ArnScope, arn: &'a str, service: &str) -> Result<&'a str, String> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    if parts.len() != 6 || parts[0] != "arn" || parts[2] != service {
        return Err(format!("{arn} is not a valid {service} ARN."));
    }
    if parts[1] != scope.partition || parts[3] != scope.region || parts[4] != scope.account {
        return Err(format!(
            "{arn} belongs to another region or account; berth holds {service} resources in \
             {} of account {} only.",
            scope.region, scope.account
        ));
    }
    Ok(parts[5])
}

/// What a Secrets Manager `SecretId` may name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretLookup {
    /// Read as a full ARN (`…:secret:NAME-AbCdEf`): the name, and the ARN the secret must
    /// have.
    pub full: Option<(String, String)>,
    /// Read as a name or a partial ARN (`…:secret:NAME`): the name.
    pub name: String,
}

/// Reads a `SecretId`: a name, a full ARN or a partial ARN. A full ARN is tried first, as
/// Secrets Manager does.
pub fn parse_secret_id(scope: &ArnScope, id: &str) -> Result<SecretLookup, String> {
    if !id.starts_with("arn:") {
        return Ok(SecretLookup {
            full: None,
            name: id.to_owned(),
        });
    }
    let resource = arn_resource(scope, id, "secretsmanager")?;
    let name = resource
        .strip_prefix("secret:")
        .filter(|n| !n.is_empty() && !n.contains(':'))
        .ok_or_else(|| {
            format!(
                "{id} is not the ARN of a secret (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME)."
            )
        })?;
    let full = name
        .len()
        .checked_sub(SECRET_SUFFIX_LEN + 1)
        .filter(|&at| {
            name.is_char_boundary(at)
                && name[at..].starts_with('-')
                && name[at + 1..].chars().all(|c| c.is_ascii_alphanumeric())
                && at > 0
        })
        .map(|at| (name[..at].to_owned(), id.to_owned()));
    Ok(SecretLookup {
        full,
        name: name.to_owned(),
    })
}

/// Checks a secret name against Secrets Manager's rules. The error is its message.
pub fn check_secret_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.chars().count() > MAX_SECRET_NAME_LEN {
        return Err(format!(
            "A secret name must have 1 to {MAX_SECRET_NAME_LEN} characters."
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || "/_+=.@-".contains(*c)))
    {
        return Err(format!(
            "Invalid name. Must be a valid name containing alphanumeric characters, or any of \
             the following: -/_+=.@! ('{bad}' is not allowed)."
        ));
    }
    Ok(())
}

/// A `secrets[].valueFrom` as ECS reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueFrom {
    /// An SSM parameter: its name (in the task's region) or ARN.
    Parameter(ParameterRef),
    /// A Secrets Manager secret by full or partial ARN, with the optional
    /// `:json-key:version-stage:version-id` (each part may be empty).
    Secret {
        secret_id: String,
        json_key: Option<String>,
        version_stage: Option<String>,
        version_id: Option<String>,
    },
}

/// Reads a `valueFrom`. ECS takes an SSM parameter by name or ARN, and a Secrets Manager
/// secret by ARN only (a bare name is a parameter name).
pub fn parse_value_from(scope: &ArnScope, value_from: &str) -> Result<ValueFrom, String> {
    if !value_from.starts_with("arn:") {
        return parse_parameter_ref(scope, value_from).map(ValueFrom::Parameter);
    }
    match value_from.split(':').nth(2) {
        Some("ssm") => parse_parameter_ref(scope, value_from).map(ValueFrom::Parameter),
        Some("secretsmanager") => {
            let parts: Vec<&str> = value_from.split(':').collect();
            let (secret_id, extra) = match parts.len() {
                7 => (value_from.to_owned(), None),
                10 => (parts[..7].join(":"), Some(&parts[7..])),
                _ => {
                    return Err(format!(
                        "{value_from} is not a secret reference ECS accepts: use \
                         arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME, optionally \
                         followed by :json-key:version-stage:version-id (parts may be empty)."
                    ))
                }
            };
            parse_secret_id(scope, &secret_id)?;
            let part = |i: usize| {
                extra
                    .and_then(|e| e.get(i))
                    .filter(|p| !p.is_empty())
                    .map(|p| (*p).to_owned())
            };
            let version_id = part(2);
            if version_id
                .as_ref()
                .is_some_and(|v| !(32..=64).contains(&v.len()))
            {
                return Err(format!(
                    "{value_from} names a version id of the wrong length: secret version ids \
                     have 32 to 64 characters."
                ));
            }
            Ok(ValueFrom::Secret {
                secret_id,
                json_key: part(0),
                version_stage: part(1),
                version_id,
            })
        }
        _ => Err(format!(
            "{value_from} is neither an SSM parameter nor a Secrets Manager secret: valueFrom \
             takes a parameter name or ARN (arn:aws:ssm:…:parameter/NAME) or a secret ARN \
             (arn:aws:secretsmanager:…:secret:NAME)."
        )),
    }
}

/// Reads a `repositoryCredentials.credentialsParameter`: a Secrets Manager secret by name,
/// full ARN or partial ARN.
pub fn parse_credentials_parameter(scope: &ArnScope, parameter: &str) -> Result<String, String> {
    if parameter.starts_with("arn:") && parameter.split(':').nth(2) != Some("secretsmanager") {
        return Err(format!(
            "{parameter} is not a Secrets Manager secret: repositoryCredentials take the name \
             or ARN of a secret holding {{\"username\", \"password\"}}."
        ));
    }
    let lookup = parse_secret_id(scope, parameter)?;
    if !parameter.starts_with("arn:") {
        check_secret_name(&lookup.name)?;
    }
    Ok(parameter.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope() -> ArnScope {
        ArnScope::default()
    }

    #[test]
    fn parameter_arns_drop_the_leading_slash() {
        assert_eq!(
            parameter_arn(&scope(), "/app/db"),
            "arn:aws:ssm:us-east-1:000000000000:parameter/app/db"
        );
        assert_eq!(
            parameter_arn(&scope(), "plain"),
            "arn:aws:ssm:us-east-1:000000000000:parameter/plain"
        );
    }

    #[test]
    fn parameter_names_follow_ssm_rules() {
        for good in [
            "a",
            "/a/b",
            "a.b-c_d",
            &format!("/{}", "x/".repeat(14) + "y"),
        ] {
            assert_eq!(check_parameter_name(good), Ok(()), "{good}");
        }
        for bad in [
            "",
            "a b",
            "a:b",
            "a/b",
            "/a/",
            "/a//b",
            "awsname",
            "/SSM/x",
            &"x".repeat(1012),
        ] {
            assert!(check_parameter_name(bad).is_err(), "{bad:?}");
        }
        assert_eq!(hierarchy_levels("/a/b/c"), 3);
        assert_eq!(hierarchy_levels("a"), 1);
    }

    #[test]
    fn parameter_references_take_names_arns_and_selectors() {
        let r = parse_parameter_ref(&scope(), "/app/db:3").unwrap();
        assert_eq!(r.names, vec!["/app/db"]);
        assert_eq!(r.selector, Some(Selector::Version(3)));
        let r = parse_parameter_ref(&scope(), "name:prod").unwrap();
        assert_eq!(r.selector, Some(Selector::Label("prod".into())));
        let r = parse_parameter_ref(
            &scope(),
            "arn:aws:ssm:us-east-1:000000000000:parameter/app/db",
        )
        .unwrap();
        assert_eq!(r.names, vec!["/app/db"]);
        let r = parse_parameter_ref(&scope(), "arn:aws:ssm:us-east-1:000000000000:parameter/x:1")
            .unwrap();
        assert_eq!(r.names, vec!["x", "/x"]);
        assert_eq!(r.selector, Some(Selector::Version(1)));
        for bad in [
            "name:",
            "name:0",
            "a:b:c",
            "arn:aws:ssm:eu-west-1:000000000000:parameter/x",
            "arn:aws:ssm:us-east-1:000000000000:document/x",
        ] {
            assert!(parse_parameter_ref(&scope(), bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn secret_ids_are_names_full_or_partial_arns() {
        let full = "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-pass-AbCdEf";
        let lookup = parse_secret_id(&scope(), full).unwrap();
        assert_eq!(lookup.full, Some(("db-pass".into(), full.into())));
        assert_eq!(lookup.name, "db-pass-AbCdEf");
        let partial = "arn:aws:secretsmanager:us-east-1:000000000000:secret:db";
        let lookup = parse_secret_id(&scope(), partial).unwrap();
        assert_eq!((lookup.full, lookup.name.as_str()), (None, "db"));
        assert_eq!(parse_secret_id(&scope(), "db").unwrap().name, "db");
        assert!(parse_secret_id(
            &scope(),
            "arn:aws:secretsmanager:us-east-1:111111111111:secret:db"
        )
        .is_err());
        assert!(check_secret_name("a/b_c+d=e.f@g-h").is_ok());
        assert!(check_secret_name("a b").is_err());
    }

    #[test]
    fn value_from_takes_the_forms_ecs_accepts() {
        let arn = "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf";
        assert_eq!(
            parse_value_from(&scope(), arn).unwrap(),
            ValueFrom::Secret {
                secret_id: arn.into(),
                json_key: None,
                version_stage: None,
                version_id: None
            }
        );
        assert_eq!(
            parse_value_from(&scope(), &format!("{arn}:password:AWSPREVIOUS:")).unwrap(),
            ValueFrom::Secret {
                secret_id: arn.into(),
                json_key: Some("password".into()),
                version_stage: Some("AWSPREVIOUS".into()),
                version_id: None
            }
        );
        assert!(matches!(
            parse_value_from(&scope(), "/app/db").unwrap(),
            ValueFrom::Parameter(_)
        ));
        for bad in [
            &format!("{arn}:password") as &str,
            &format!("{arn}:k::short"),
            "arn:aws:s3:::bucket/key",
            "arn:aws:secretsmanager:us-east-1:000000000000:secret:",
            "has space",
        ] {
            assert!(parse_value_from(&scope(), bad).is_err(), "{bad}");
        }
        assert!(parse_credentials_parameter(&scope(), "registry").is_ok());
        assert!(parse_credentials_parameter(&scope(), arn).is_ok());
        assert!(parse_credentials_parameter(
            &scope(),
            "arn:aws:ssm:us-east-1:000000000000:parameter/x"
        )
        .is_err());
    }
}
