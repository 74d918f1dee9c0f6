//! Policy documents: IAM's grammar, validated and compiled into a [`Policy`].
//!
//! ```text
//! policy    = { "Version"?: "2012-10-17" | "2008-10-17", "Id"?: string,
//!               "Statement": statement | [statement, …] }
//! statement = { "Sid"?: string, "Effect": "Allow" | "Deny",
//!               "Action" | "NotAction": string | [string, …],
//!               "Resource" | "NotResource": string | [string, …],     identity policies only
//!               "Principal" | "NotPrincipal": "*" | {kind: string | [string, …]},
//!                                                                    trust policies only
//!               "Condition"?: {operator: {key: value | [value, …]}} }
//! ```
//!
//! Element names are case-sensitive, as in IAM. A document without `Version` is version
//! 2008-10-17, in which `${…}` is plain text rather than a policy variable. Every
//! refusal is a [`PolicyError`] whose message starts with IAM's own wording.

use std::collections::HashMap;

use super::condition::{compile_block, Condition};
use super::context::is_vendor;
use super::error::PolicyError;
use super::json::{self, Json};
use super::pattern::{Pattern, Syntax};
use super::principal::{Principals, PARTITIONS};

/// The longest policy document any IAM call accepts, in characters (botocore's
/// `policyDocumentType`). [`Policy::parse`] refuses longer text before reading it.
pub const MAX_DOCUMENT_CHARS: usize = 131_072;

/// IAM quota: all inline policies of one role together, in characters not counting
/// whitespace ([`policy_size`]). Exceeding it is IAM's `LimitExceeded` ("Maximum policy
/// size of 10240 bytes exceeded for role NAME").
pub const MAX_ROLE_INLINE_POLICY_CHARS: usize = 10_240;

/// IAM quota: all inline policies of one user together, in characters not counting
/// whitespace ("Maximum policy size of 2048 bytes exceeded for user NAME").
pub const MAX_USER_INLINE_POLICY_CHARS: usize = 2_048;

/// IAM quota: all inline policies of one group together, in characters not counting
/// whitespace.
pub const MAX_GROUP_INLINE_POLICY_CHARS: usize = 5_120;

/// IAM quota: one managed policy, in characters not counting whitespace.
pub const MAX_MANAGED_POLICY_CHARS: usize = 6_144;

/// IAM quota (default): a role's trust policy, in characters not counting whitespace.
pub const MAX_TRUST_POLICY_CHARS: usize = 2_048;

/// A document's size as IAM counts it against its quotas: characters other than
/// whitespace.
pub fn policy_size(json: &str) -> usize {
    json.chars().filter(|c| !c.is_whitespace()).count()
}

/// Which grammar a document follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PolicyKind {
    /// A policy attached to a user or role (inline or managed): no principals, and every
    /// statement names resources.
    Identity,
    /// A role's trust policy (`AssumeRolePolicyDocument`): every statement names principals,
    /// none names resources, and actions are `sts:` actions such as `sts:AssumeRole`.
    Trust,
}

/// The policy language version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PolicyVersion {
    /// `2008-10-17`, also what a document without `Version` is: no policy variables.
    V2008_10_17,
    /// `2012-10-17`: policy variables (`${aws:username}`) are replaced.
    V2012_10_17,
}

/// Whether a statement allows or denies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Effect {
    Allow,
    Deny,
}

/// `Action` or `NotAction`, `Resource` or `NotResource`: patterns, and whether the element
/// is the `Not` form.
#[derive(Debug, Clone)]
pub(crate) struct PatternList {
    pub(crate) patterns: Box<[Pattern]>,
    pub(crate) negated: bool,
}

impl PatternList {
    /// Whether the element covers `text`: it matches a pattern, or for `Not…` matches none.
    pub(crate) fn covers(&self, text: &str, context: &super::Context) -> bool {
        self.patterns.iter().any(|p| p.matches(text, context)) != self.negated
    }
}

/// One compiled statement.
#[derive(Debug, Clone)]
pub(crate) struct Statement {
    pub(crate) effect: Effect,
    pub(crate) actions: PatternList,
    /// `None` in trust policies, which have no resources.
    pub(crate) resources: Option<PatternList>,
    /// `None` in identity policies; the flag says `NotPrincipal`.
    pub(crate) principals: Option<(Principals, bool)>,
    pub(crate) conditions: Box<[Condition]>,
}

/// A parsed, validated and compiled policy document. Cheap to share (`Arc`) and to evaluate
/// from many threads: evaluation never changes it.
#[derive(Debug, Clone)]
pub struct Policy {
    kind: PolicyKind,
    version: PolicyVersion,
    id: Option<String>,
    size: usize,
    pub(crate) statements: Box<[Statement]>,
}

/// The actions a trust policy may govern.
const TRUST_ACTIONS: &[&str] = &[
    "sts:AssumeRole",
    "sts:AssumeRoleWithSAML",
    "sts:AssumeRoleWithWebIdentity",
    "sts:TagSession",
    "sts:SetSourceIdentity",
    "sts:SetContext",
];

/// Prefixes that IAM resource paths start with.
const IAM_RESOURCE_TYPES: &[&str] = &[
    "user/",
    "federated-user/",
    "role/",
    "group/",
    "instance-profile/",
    "mfa/",
    "server-certificate/",
    "policy/",
    "sms-mfa/",
    "saml-provider/",
    "oidc-provider/",
    "report/",
    "access-report/",
];

const STATEMENT_FIELDS: &[&str] = &[
    "Sid",
    "Effect",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Principal",
    "NotPrincipal",
    "Condition",
];

impl Policy {
    /// Parses and validates `json` as a policy of `kind`, compiling its patterns and
    /// conditions for [`evaluate`](super::evaluate) and [`trusts`](super::trusts).
    ///
    /// The caller URL-decodes the document first, as IAM's API sends it encoded. Quotas on
    /// the size of a user's or role's policies are the caller's to enforce with
    /// [`policy_size`] and the `MAX_*` constants; this refuses only text longer than
    /// [`MAX_DOCUMENT_CHARS`].
    pub fn parse(json: &str, kind: PolicyKind) -> Result<Policy, PolicyError> {
        check_text(json)?;
        let document = json::parse(json).map_err(|err| {
            PolicyError::syntax(format_args!("The document is not valid JSON: {err}."))
        })?;
        let Json::Object(members) = document else {
            return Err(PolicyError::syntax(format_args!(
                "A policy document is a JSON object with Version and Statement, not {}.",
                document.type_name()
            )));
        };
        let mut version = PolicyVersion::V2008_10_17;
        let mut id = None;
        let mut statements = None;
        for (name, value) in &members {
            match (name.as_str(), value) {
                ("Version", Json::String(text)) if text == "2012-10-17" => {
                    version = PolicyVersion::V2012_10_17
                }
                ("Version", Json::String(text)) if text == "2008-10-17" => {
                    version = PolicyVersion::V2008_10_17
                }
                ("Version", other) => {
                    return Err(PolicyError::syntax(format_args!(
                        "Version must be \"2012-10-17\" (or the older \"2008-10-17\"), not {}.",
                        shown(other)
                    )))
                }
                ("Id", Json::String(text)) => id = Some(text.clone()),
                ("Id", other) => {
                    return Err(PolicyError::syntax(format_args!(
                        "Id must be a string, not {}.",
                        other.type_name()
                    )))
                }
                ("Statement", value) => statements = Some(value),
                (other, _) => {
                    return Err(PolicyError::syntax(format_args!(
                        "The document has the unknown field \"{other}\"{}; a policy holds \
                         Version, Id and Statement.",
                        did_you_mean(other, &["Version", "Id", "Statement"])
                    )))
                }
            }
        }
        let statements = match statements {
            Some(single @ Json::Object(_)) => std::slice::from_ref(single),
            Some(Json::Array(items)) if !items.is_empty() => items.as_slice(),
            Some(Json::Array(_)) => {
                return Err(PolicyError::syntax(
                    "Statement is an empty list; a policy needs at least one statement.",
                ))
            }
            Some(other) => {
                return Err(PolicyError::syntax(format_args!(
                    "Statement must be a statement object or a list of them, not {}.",
                    other.type_name()
                )))
            }
            None => {
                return Err(PolicyError::syntax(
                    "The document has no Statement; add \"Statement\": [{\"Effect\": …}].",
                ))
            }
        };
        let variables = version == PolicyVersion::V2012_10_17;
        let mut sids: HashMap<&str, usize> = HashMap::new();
        let mut compiled = Vec::with_capacity(statements.len());
        for (index, statement) in statements.iter().enumerate() {
            let number = index + 1;
            if let Json::Object(fields) = statement {
                if let Some((_, Json::String(sid))) = fields.iter().find(|(name, _)| name == "Sid")
                {
                    if !sid.is_empty() {
                        if let Some(first) = sids.insert(sid, number) {
                            return Err(PolicyError::malformed(
                                "Statement IDs (SID) in a single policy must be unique.",
                                format_args!(
                                    "Sid \"{sid}\" is used by statements {first} and {number}."
                                ),
                            ));
                        }
                    }
                }
            }
            compiled.push(compile_statement(statement, number, kind, variables)?);
        }
        Ok(Policy {
            kind,
            version,
            id,
            size: policy_size(json),
            statements: compiled.into_boxed_slice(),
        })
    }

    /// The grammar the document was parsed with.
    pub fn kind(&self) -> PolicyKind {
        self.kind
    }

    /// The language version (`2008-10-17` when the document has no `Version`).
    pub fn version(&self) -> PolicyVersion {
        self.version
    }

    /// The document's `Id`, if any.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The document's size as IAM counts it against quotas ([`policy_size`]).
    pub fn size(&self) -> usize {
        self.size
    }

    /// How many statements the document has.
    pub fn statement_count(&self) -> usize {
        self.statements.len()
    }

    /// The accounts and ARNs named under `"AWS"` in `Principal`/`NotPrincipal`, as written
    /// (not `"*"`). IAM refuses a trust policy naming a user or role that does not exist
    /// ("Invalid principal in policy"); the IAM API checks these against its store.
    pub fn aws_principals(&self) -> impl Iterator<Item = &str> {
        self.statements
            .iter()
            .filter_map(|statement| statement.principals.as_ref())
            .flat_map(|(principals, _)| principals.aws_names())
    }
}

/// Refuses text the API model refuses: too long, or characters outside its pattern.
fn check_text(json: &str) -> Result<(), PolicyError> {
    let length = json.chars().count();
    if length > MAX_DOCUMENT_CHARS {
        return Err(PolicyError::TooLong {
            length,
            limit: MAX_DOCUMENT_CHARS,
        });
    }
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{ff}');
    if let Some((position, character)) = json.chars().enumerate().find(|(_, c)| !allowed(*c)) {
        return Err(PolicyError::InvalidCharacter {
            character,
            position,
        });
    }
    if json.trim().is_empty() {
        return Err(PolicyError::syntax("The policy document is empty."));
    }
    Ok(())
}

/// A JSON value as it would appear in a message.
fn shown(value: &Json) -> String {
    match value {
        Json::String(text) => format!("\"{text}\""),
        other => other.type_name().to_owned(),
    }
}

/// `; did you mean "Resource"?` when `name` is a known field in the wrong case or plural.
fn did_you_mean(name: &str, known: &[&str]) -> String {
    let singular = name.strip_suffix('s').unwrap_or(name);
    known
        .iter()
        .find(|k| k.eq_ignore_ascii_case(name) || k.eq_ignore_ascii_case(singular))
        .map(|k| format!(" (did you mean \"{k}\"?)"))
        .unwrap_or_default()
}

/// The fields of one statement, before validation.
#[derive(Default)]
struct Fields<'a> {
    sid: Option<&'a Json>,
    effect: Option<&'a Json>,
    action: Option<(&'a Json, bool)>,
    resource: Option<(&'a Json, bool)>,
    principal: Option<(&'a Json, bool)>,
    condition: Option<&'a Json>,
}

fn compile_statement(
    statement: &Json,
    number: usize,
    kind: PolicyKind,
    variables: bool,
) -> Result<Statement, PolicyError> {
    let Json::Object(members) = statement else {
        return Err(PolicyError::syntax(format_args!(
            "Statement {number} must be an object with Effect, Action and {}, not {}.",
            match kind {
                PolicyKind::Identity => "Resource",
                PolicyKind::Trust => "Principal",
            },
            statement.type_name()
        )));
    };
    let fields = read_fields(members, number)?;
    let place = match fields.sid {
        Some(Json::String(sid)) if !sid.is_empty() => format!("statement {number} (Sid \"{sid}\")"),
        _ => format!("statement {number}"),
    };
    match fields.sid {
        // IAM holds identity policies' Sids to letters and digits, not trust policies'.
        Some(Json::String(sid))
            if kind == PolicyKind::Identity && !sid.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            return Err(PolicyError::malformed(
                "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies \
                 the regular expression [0-9A-Za-z]*",
                format_args!("({place})."),
            ));
        }
        None | Some(Json::String(_)) => {}
        Some(other) => {
            return Err(PolicyError::syntax(format_args!(
                "{place}: Sid must be a string, not {}.",
                other.type_name()
            )))
        }
    }
    let effect = effect(fields.effect, &place)?;

    // Which elements a statement must or must not have depends on the kind.
    match (kind, fields.principal, fields.resource) {
        (PolicyKind::Identity, Some(_), _) => {
            return Err(PolicyError::malformed(
                "Policy document should not specify a principal.",
                format_args!(
                    "Remove Principal from {place}: a policy attached to a user or role \
                     applies to that identity."
                ),
            ))
        }
        (PolicyKind::Trust, None, _) => {
            return Err(PolicyError::malformed(
                "Missing required field Principal",
                format_args!(
                    "in {place}: a trust policy says who may assume the role, as in \
                     \"Principal\": {{\"Service\": \"ecs-tasks.amazonaws.com\"}}."
                ),
            ))
        }
        (PolicyKind::Trust, _, Some((_, negated))) => {
            let field = if negated { "NotResource" } else { "Resource" };
            return Err(PolicyError::malformed(
                &format!("Has prohibited field {field}."),
                format_args!("Remove it from {place}: a trust policy's resource is its role."),
            ));
        }
        _ => {}
    }

    let (actions, not_action) = match fields.action {
        Some((value, true)) => (strings(value, "NotAction", &place)?, true),
        Some((value, false)) => (strings(value, "Action", &place)?, false),
        None => (Vec::new(), false),
    };
    if actions.is_empty() {
        return Err(PolicyError::malformed(
            "Policy statement must contain actions.",
            format_args!("Add \"Action\" to {place}, such as \"ecs:DescribeClusters\" or \"*\"."),
        ));
    }
    let resources = match fields.resource {
        Some((value, negated)) => {
            let name = if negated { "NotResource" } else { "Resource" };
            let list = strings(value, name, &place)?;
            if list.is_empty() {
                return Err(missing_resources(&place));
            }
            Some((list, negated))
        }
        None if kind == PolicyKind::Identity => return Err(missing_resources(&place)),
        None => None,
    };

    let mut action_patterns = Vec::with_capacity(actions.len());
    for action in &actions {
        check_action(action, &place)?;
        if kind == PolicyKind::Trust && !not_action {
            check_trust_action(action, &place)?;
        }
        let pattern = Pattern::compile(action, Syntax::ACTION).map_err(PolicyError::syntax)?;
        action_patterns.push(pattern);
    }
    let resources = match resources {
        Some((list, negated)) => {
            let mut patterns = Vec::with_capacity(list.len());
            for resource in list {
                check_resource(resource, &place)?;
                let pattern =
                    Pattern::compile(resource, Syntax::arn(variables)).map_err(|detail| {
                        PolicyError::syntax(format_args!(
                            "{place}: in the resource \"{resource}\", {detail}."
                        ))
                    })?;
                patterns.push(pattern);
            }
            Some(PatternList {
                patterns: patterns.into_boxed_slice(),
                negated,
            })
        }
        None => None,
    };
    let principals = match fields.principal {
        Some((value, negated)) => Some((Principals::compile(value, &place)?, negated)),
        None => None,
    };
    let conditions = match fields.condition {
        Some(block) => compile_block(block, &place, variables)?,
        None => Vec::new(),
    };
    Ok(Statement {
        effect,
        actions: PatternList {
            patterns: action_patterns.into_boxed_slice(),
            negated: not_action,
        },
        resources,
        principals,
        conditions: conditions.into_boxed_slice(),
    })
}

fn missing_resources(place: &str) -> PolicyError {
    PolicyError::malformed(
        "Policy statement must contain resources.",
        format_args!(
            "Add \"Resource\" to {place}: an ARN such as \
             \"arn:aws:ecs:us-east-1:000000000000:cluster/prod\", or \"*\"."
        ),
    )
}

fn read_fields(members: &[(String, Json)], number: usize) -> Result<Fields<'_>, PolicyError> {
    let mut fields = Fields::default();
    for (name, value) in members {
        let pair = |slot: &Option<(&Json, bool)>, negated: bool, other: &str| {
            if slot.is_some() {
                Err(PolicyError::syntax(format_args!(
                    "Statement {number} has both {} and {}; use one of them.",
                    if negated { other } else { name.as_str() },
                    if negated { name.as_str() } else { other },
                )))
            } else {
                Ok(Some((value, negated)))
            }
        };
        match name.as_str() {
            "Sid" => fields.sid = Some(value),
            "Effect" => fields.effect = Some(value),
            "Condition" => fields.condition = Some(value),
            "Action" => fields.action = pair(&fields.action, false, "NotAction")?,
            "NotAction" => fields.action = pair(&fields.action, true, "Action")?,
            "Resource" => fields.resource = pair(&fields.resource, false, "NotResource")?,
            "NotResource" => fields.resource = pair(&fields.resource, true, "Resource")?,
            "Principal" => fields.principal = pair(&fields.principal, false, "NotPrincipal")?,
            "NotPrincipal" => fields.principal = pair(&fields.principal, true, "Principal")?,
            other => {
                return Err(PolicyError::syntax(format_args!(
                    "Statement {number} has the unknown field \"{other}\"{}; a statement holds \
                     {}.",
                    did_you_mean(other, STATEMENT_FIELDS),
                    STATEMENT_FIELDS.join(", ")
                )))
            }
        }
    }
    Ok(fields)
}

fn effect(value: Option<&Json>, place: &str) -> Result<Effect, PolicyError> {
    match value {
        Some(Json::String(text)) if text == "Allow" => Ok(Effect::Allow),
        Some(Json::String(text)) if text == "Deny" => Ok(Effect::Deny),
        Some(Json::String(text))
            if text.eq_ignore_ascii_case("allow") || text.eq_ignore_ascii_case("deny") =>
        {
            Err(PolicyError::malformed(
                "The policy failed legacy parsing",
                format_args!(
                    "because {place} has \"Effect\": \"{text}\"; write \"Allow\" or \"Deny\" \
                     with a capital letter."
                ),
            ))
        }
        Some(other) => Err(PolicyError::syntax(format_args!(
            "{place}: Effect must be \"Allow\" or \"Deny\", not {}.",
            shown(other)
        ))),
        None => Err(PolicyError::syntax(format_args!(
            "{place} has no Effect; add \"Effect\": \"Allow\" or \"Effect\": \"Deny\"."
        ))),
    }
}

/// An element that is a string or a list of strings.
fn strings<'a>(value: &'a Json, name: &str, place: &str) -> Result<Vec<&'a str>, PolicyError> {
    let wrong = |what: &Json| {
        PolicyError::syntax(format_args!(
            "{place}: {name} must be a string or a list of strings, but holds {}.",
            what.type_name()
        ))
    };
    match value {
        Json::String(text) => Ok(vec![text.as_str()]),
        Json::Array(items) => items
            .iter()
            .map(|item| match item {
                Json::String(text) => Ok(text.as_str()),
                other => Err(wrong(other)),
            })
            .collect(),
        other => Err(wrong(other)),
    }
}

fn check_action(action: &str, place: &str) -> Result<(), PolicyError> {
    if action == "*" {
        return Ok(());
    }
    let mut parts = action.split(':');
    let vendor = parts.next().unwrap_or_default();
    let name = parts.next();
    if parts.next().is_some() {
        return Err(PolicyError::malformed(
            "Actions/Condition can contain only one colon.",
            format_args!("The action \"{action}\" in {place} has more than one."),
        ));
    }
    let Some(name) = name else {
        return Err(PolicyError::malformed(
            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
            format_args!(
                "The action \"{action}\" in {place} has none; write it as ecs:{action} or \
                 with its own service's prefix."
            ),
        ));
    };
    if vendor != "*" && !is_vendor(vendor) {
        return Err(PolicyError::malformed(
            &format!("Vendor {vendor} is not valid"),
            format_args!(
                "(action \"{action}\" in {place}): a service prefix holds letters, digits, \
                 '-' and '.'."
            ),
        ));
    }
    if name.is_empty() {
        return Err(PolicyError::syntax(format_args!(
            "{place}: the action \"{action}\" has no name after its service prefix; write \
             \"{vendor}:*\" for all of the service's actions."
        )));
    }
    Ok(())
}

fn check_trust_action(action: &str, place: &str) -> Result<(), PolicyError> {
    let pattern = Pattern::compile(action, Syntax::ACTION).map_err(PolicyError::syntax)?;
    let none = super::Context::new();
    if TRUST_ACTIONS.iter().any(|a| pattern.matches(a, &none)) {
        return Ok(());
    }
    Err(PolicyError::malformed(
        "Trust Policy statement actions can only be sts:AssumeRole, \
         sts:AssumeRoleWithSAML, and sts:AssumeRoleWithWebIdentity",
        format_args!(
            "(and sts:TagSession, sts:SetSourceIdentity, sts:SetContext); {place} has \
             \"{action}\"."
        ),
    ))
}

fn check_resource(resource: &str, place: &str) -> Result<(), PolicyError> {
    if resource == "*" {
        return Ok(());
    }
    let fields: Vec<&str> = resource.splitn(6, ':').collect();
    if fields.len() < 2 || fields[0] != "arn" {
        return Err(PolicyError::malformed(
            &format!("Resource {resource} must be in ARN format or \"*\"."),
            format_args!(
                "({place}; an ARN looks like arn:aws:ecs:us-east-1:000000000000:cluster/prod)"
            ),
        ));
    }
    let partition = fields[1];
    if partition != "*" && !PARTITIONS.contains(&partition) {
        return Err(PolicyError::malformed(
            &format!("Partition \"{partition}\" is not valid for resource \"{resource}\"."),
            format_args!("({place}; berth's partition is \"aws\")"),
        ));
    }
    let service = fields.get(2).copied().unwrap_or_default();
    let legacy = |why: std::fmt::Arguments| {
        PolicyError::malformed(
            "The policy failed legacy parsing",
            format_args!("because {why}"),
        )
    };
    if service.is_empty() {
        return Err(legacy(format_args!(
            "the resource \"{resource}\" in {place} names no service; write \
             arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE."
        )));
    }
    if service.contains(['*', '?']) || !is_vendor(service) {
        return Err(PolicyError::malformed(
            "Resource vendor must be fully qualified and cannot contain regexes.",
            format_args!("(\"{resource}\" in {place})"),
        ));
    }
    if resource.matches(':').count() < 5 && resource.contains("::") {
        return Err(legacy(format_args!(
            "the resource \"{resource}\" in {place} has an empty field but fewer than six; \
             write all of arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE, or end it with \"*\"."
        )));
    }
    if service == "iam" {
        if fields.get(3).is_some_and(|region| !region.is_empty()) {
            return Err(PolicyError::malformed(
                &format!("IAM resource {resource} cannot contain region information."),
                format_args!("({place}; write arn:aws:iam::ACCOUNT:…)"),
            ));
        }
        if let Some(path) = fields.get(5) {
            let known = *path == "*"
                || *path == "root"
                || IAM_RESOURCE_TYPES.iter().any(|t| path.starts_with(t));
            if !known {
                return Err(PolicyError::malformed(
                    &format!(
                        "IAM resource path must either be \"*\" or start with {}.",
                        IAM_RESOURCE_TYPES.join(", ")
                    ),
                    format_args!("(\"{resource}\" in {place})"),
                ));
            }
        }
    }
    Ok(())
}
