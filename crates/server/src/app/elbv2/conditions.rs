//! Rule conditions: ELBv2's checks on `path-pattern`, `host-header`, `http-header`,
//! `http-request-method`, `query-string` and `source-ip`, and their normal form.
//!
//! A condition names its field and gives its values either in `Values` (host-header and
//! path-pattern only) or in the field's own `…Config`. As ELBv2 shows them back, every
//! condition has its `…Config`, and host-header and path-pattern conditions also
//! `Values`. Regular-expression conditions (`RegexValues`) are refused: berth's load
//! balancer matches ELBv2's `*` and `?` wildcards.

use std::str::FromStr;

use berth_api::elbv2::{
    HostHeaderConditionConfig, HttpHeaderConditionConfig, HttpRequestMethodConditionConfig,
    PathPatternConditionConfig, QueryStringConditionConfig, QueryStringKeyValuePair, RuleCondition,
    SourceIpConditionConfig,
};

use super::validation;
use crate::error::Result;

/// Condition values one rule may have in all (ELBv2's quota).
const MAX_VALUES_PER_RULE: usize = 5;
/// `*` and `?` wildcards one rule may have in all (ELBv2's quota).
const MAX_WILDCARDS_PER_RULE: usize = 5;
/// The longest condition value.
const MAX_VALUE_CHARS: usize = 128;

const FIELDS: &str =
    "http-header, http-request-method, host-header, path-pattern, query-string, source-ip";

/// Checks a rule's conditions and puts them in normal form.
pub(crate) fn normalize_conditions(conditions: &[RuleCondition]) -> Result<Vec<RuleCondition>> {
    if conditions.is_empty() {
        return Err(validation("A rule needs at least one condition."));
    }
    let mut out = Vec::with_capacity(conditions.len());
    let mut once = std::collections::HashSet::new();
    let mut values = 0;
    let mut wildcards = 0;
    for condition in conditions {
        let field = condition.field.as_deref().ok_or_else(|| {
            validation(format!("Every condition needs a Field: one of {FIELDS}."))
        })?;
        check_no_regex(condition)?;
        check_configs_match_field(condition, field)?;
        let normal = match field {
            "host-header" => {
                let hosts = values_or_config(
                    field,
                    &condition.values,
                    condition
                        .host_header_config
                        .as_ref()
                        .and_then(|c| c.values.as_ref()),
                )?;
                hosts.iter().try_for_each(|h| check_host(h))?;
                RuleCondition {
                    values: Some(hosts.clone()),
                    host_header_config: Some(HostHeaderConditionConfig {
                        values: Some(hosts),
                        regex_values: None,
                    }),
                    ..bare(field)
                }
            }
            "path-pattern" => {
                let paths = values_or_config(
                    field,
                    &condition.values,
                    condition
                        .path_pattern_config
                        .as_ref()
                        .and_then(|c| c.values.as_ref()),
                )?;
                paths.iter().try_for_each(|p| check_path(p))?;
                RuleCondition {
                    values: Some(paths.clone()),
                    path_pattern_config: Some(PathPatternConditionConfig {
                        values: Some(paths),
                        regex_values: None,
                    }),
                    ..bare(field)
                }
            }
            "http-header" => {
                no_values(field, condition)?;
                let config = condition.http_header_config.as_ref().ok_or_else(|| {
                    validation("An http-header condition needs an HttpHeaderConfig.")
                })?;
                let name = config.http_header_name.clone().ok_or_else(|| {
                    validation("An http-header condition needs an HttpHeaderName.")
                })?;
                check_header_name(&name)?;
                let header_values = non_empty(field, config.values.clone())?;
                header_values
                    .iter()
                    .try_for_each(|v| check_text(field, v))?;
                RuleCondition {
                    http_header_config: Some(HttpHeaderConditionConfig {
                        http_header_name: Some(name),
                        values: Some(header_values),
                        regex_values: None,
                    }),
                    ..bare(field)
                }
            }
            "http-request-method" => {
                no_values(field, condition)?;
                let methods = non_empty(
                    field,
                    condition
                        .http_request_method_config
                        .as_ref()
                        .and_then(|c| c.values.clone()),
                )?;
                methods.iter().try_for_each(|m| check_method(m))?;
                RuleCondition {
                    http_request_method_config: Some(HttpRequestMethodConditionConfig {
                        values: Some(methods),
                    }),
                    ..bare(field)
                }
            }
            "query-string" => {
                no_values(field, condition)?;
                let pairs = non_empty(
                    field,
                    condition
                        .query_string_config
                        .as_ref()
                        .and_then(|c| c.values.clone()),
                )?;
                for pair in &pairs {
                    check_query_pair(pair)?;
                }
                RuleCondition {
                    query_string_config: Some(QueryStringConditionConfig {
                        values: Some(pairs),
                    }),
                    ..bare(field)
                }
            }
            "source-ip" => {
                no_values(field, condition)?;
                let blocks = non_empty(
                    field,
                    condition
                        .source_ip_config
                        .as_ref()
                        .and_then(|c| c.values.clone()),
                )?;
                for block in &blocks {
                    if ipnet::IpNet::from_str(block).is_err() {
                        return Err(validation(format!(
                            "The source-ip value '{block}' is not an address block in CIDR form, such as 10.0.0.0/8 or 2001:db8::/32."
                        )));
                    }
                }
                RuleCondition {
                    source_ip_config: Some(SourceIpConditionConfig {
                        values: Some(blocks),
                    }),
                    ..bare(field)
                }
            }
            other => {
                return Err(validation(format!(
                    "The condition field '{other}' is not valid; use one of {FIELDS}."
                )))
            }
        };
        if matches!(
            field,
            "host-header" | "path-pattern" | "http-request-method" | "source-ip"
        ) && !once.insert(field.to_owned())
        {
            return Err(validation(format!(
                "A rule can have at most one {field} condition."
            )));
        }
        let (count, wild) = count_values(&normal);
        values += count;
        wildcards += wild;
        out.push(normal);
    }
    if values > MAX_VALUES_PER_RULE {
        return Err(validation(format!(
            "A rule can have at most {MAX_VALUES_PER_RULE} condition values in all; {values} were given."
        )));
    }
    if wildcards > MAX_WILDCARDS_PER_RULE {
        return Err(validation(format!(
            "A rule can have at most {MAX_WILDCARDS_PER_RULE} wildcards (* or ?) in all; {wildcards} were given."
        )));
    }
    Ok(out)
}

fn bare(field: &str) -> RuleCondition {
    RuleCondition {
        field: Some(field.to_owned()),
        ..Default::default()
    }
}

fn check_no_regex(condition: &RuleCondition) -> Result<()> {
    let regex = condition.regex_values.is_some()
        || condition
            .host_header_config
            .as_ref()
            .is_some_and(|c| c.regex_values.is_some())
        || condition
            .path_pattern_config
            .as_ref()
            .is_some_and(|c| c.regex_values.is_some())
        || condition
            .http_header_config
            .as_ref()
            .is_some_and(|c| c.regex_values.is_some());
    if regex {
        return Err(validation(
            "RegexValues are not supported: berth's load balancer matches Values with the * and ? wildcards.",
        ));
    }
    Ok(())
}

/// A condition's `…Config` must be the one of its field.
fn check_configs_match_field(condition: &RuleCondition, field: &str) -> Result<()> {
    let configs = [
        (
            "HostHeaderConfig",
            condition.host_header_config.is_some(),
            "host-header",
        ),
        (
            "PathPatternConfig",
            condition.path_pattern_config.is_some(),
            "path-pattern",
        ),
        (
            "HttpHeaderConfig",
            condition.http_header_config.is_some(),
            "http-header",
        ),
        (
            "QueryStringConfig",
            condition.query_string_config.is_some(),
            "query-string",
        ),
        (
            "HttpRequestMethodConfig",
            condition.http_request_method_config.is_some(),
            "http-request-method",
        ),
        (
            "SourceIpConfig",
            condition.source_ip_config.is_some(),
            "source-ip",
        ),
    ];
    for (member, present, owner) in configs {
        if present && owner != field {
            return Err(validation(format!(
                "{member} can only be given with Field {owner}, not {field}."
            )));
        }
    }
    Ok(())
}

/// Host-header and path-pattern values come from `Values` or the config, not both.
fn values_or_config(
    field: &str,
    values: &Option<Vec<String>>,
    config: Option<&Vec<String>>,
) -> Result<Vec<String>> {
    match (values, config) {
        (Some(_), Some(_)) => Err(validation(format!(
            "Give the {field} values either in Values or in the condition's config, not both."
        ))),
        (Some(values), None) => non_empty(field, Some(values.clone())),
        (None, config) => non_empty(field, config.cloned()),
    }
}

fn no_values(field: &str, condition: &RuleCondition) -> Result<()> {
    if condition.values.is_some() {
        return Err(validation(format!(
            "Values can only be given for host-header and path-pattern conditions; give the {field} values in its config."
        )));
    }
    Ok(())
}

fn non_empty<T>(field: &str, values: Option<Vec<T>>) -> Result<Vec<T>> {
    match values {
        Some(values) if !values.is_empty() => Ok(values),
        _ => Err(validation(format!(
            "A {field} condition needs at least one value."
        ))),
    }
}

fn check_length(field: &str, value: &str) -> Result<()> {
    let chars = value.chars().count();
    if chars == 0 || chars > MAX_VALUE_CHARS {
        return Err(validation(format!(
            "A {field} value must be 1 to {MAX_VALUE_CHARS} characters long; '{value}' is not."
        )));
    }
    Ok(())
}

/// Host names: letters, digits, `-`, `.` and the wildcards, with a `.` and only letters
/// after the last one.
fn check_host(host: &str) -> Result<()> {
    check_length("host-header", host)?;
    if !host
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'*' | b'?'))
    {
        return Err(validation(format!(
            "The host-header value '{host}' may contain only letters, digits, '-', '.', '*' and '?'."
        )));
    }
    match host.rsplit_once('.') {
        Some((_, tld)) if tld.bytes().all(|b| b.is_ascii_alphabetic() || b == b'*' || b == b'?') => {
            Ok(())
        }
        _ => Err(validation(format!(
            "The host-header value '{host}' must contain a '.' with only letters after the last one, such as example.com."
        ))),
    }
}

fn check_path(path: &str) -> Result<()> {
    check_length("path-pattern", path)?;
    let allowed = |c: char| {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                '_' | '-' | '.' | '$' | '/' | '~' | '"' | '\'' | '@' | ':' | '+' | '&' | '*' | '?'
            )
    };
    if !path.chars().all(allowed) {
        return Err(validation(format!(
            "The path-pattern value '{path}' may contain only letters, digits, the characters _ - . $ / ~ \" ' @ : + & and the wildcards * and ?."
        )));
    }
    Ok(())
}

/// An HTTP header name: an RFC 7230 token of at most 40 characters, not `Host` (which
/// host-header conditions match).
fn check_header_name(name: &str) -> Result<()> {
    let token = |b: u8| {
        b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'!' | b'#'
                    | b'$'
                    | b'%'
                    | b'&'
                    | b'\''
                    | b'*'
                    | b'+'
                    | b'-'
                    | b'.'
                    | b'^'
                    | b'_'
                    | b'`'
                    | b'|'
                    | b'~'
            )
    };
    if name.is_empty() || name.len() > 40 || !name.bytes().all(token) {
        return Err(validation(format!(
            "The HttpHeaderName '{name}' must be an HTTP header name (RFC 7230 token characters) of 1 to 40 characters."
        )));
    }
    if name.eq_ignore_ascii_case("host") {
        return Err(validation(
            "An http-header condition cannot match the Host header; use a host-header condition.",
        ));
    }
    Ok(())
}

/// Header and query-string values: printable text.
fn check_text(field: &str, value: &str) -> Result<()> {
    check_length(field, value)?;
    if value.chars().any(|c| c.is_control()) {
        return Err(validation(format!(
            "A {field} value must not contain control characters."
        )));
    }
    Ok(())
}

fn check_method(method: &str) -> Result<()> {
    if method.is_empty()
        || method.len() > 40
        || !method
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b == b'-' || b == b'_')
    {
        return Err(validation(format!(
            "The http-request-method value '{method}' must be 1 to 40 of the characters A-Z, '-' and '_'."
        )));
    }
    Ok(())
}

fn check_query_pair(pair: &QueryStringKeyValuePair) -> Result<()> {
    let value = pair
        .value
        .as_deref()
        .ok_or_else(|| validation("Every query-string condition value needs a Value."))?;
    check_text("query-string", value)?;
    if let Some(key) = &pair.key {
        check_text("query-string", key)?;
    }
    Ok(())
}

/// The values and the unescaped wildcards of a normalised condition.
fn count_values(condition: &RuleCondition) -> (usize, usize) {
    let wild = |s: &str| {
        let mut count = 0;
        let mut escaped = false;
        for c in s.chars() {
            match c {
                '\\' if !escaped => escaped = true,
                '*' | '?' if !escaped => count += 1,
                _ => escaped = false,
            }
        }
        count
    };
    let strings: Vec<&str> = if let Some(c) = &condition.host_header_config {
        c.values.iter().flatten().map(String::as_str).collect()
    } else if let Some(c) = &condition.path_pattern_config {
        c.values.iter().flatten().map(String::as_str).collect()
    } else if let Some(c) = &condition.http_header_config {
        c.values.iter().flatten().map(String::as_str).collect()
    } else if let Some(c) = &condition.query_string_config {
        let pairs = c.values.iter().flatten();
        let count = pairs.clone().count();
        let wildcards = pairs
            .map(|p| wild(p.value.as_deref().unwrap_or("")) + wild(p.key.as_deref().unwrap_or("")))
            .sum();
        return (count, wildcards);
    } else if let Some(c) = &condition.http_request_method_config {
        return (c.values.iter().flatten().count(), 0);
    } else if let Some(c) = &condition.source_ip_config {
        return (c.values.iter().flatten().count(), 0);
    } else {
        Vec::new()
    };
    (strings.len(), strings.iter().map(|s| wild(s)).sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(values: &[&str]) -> RuleCondition {
        RuleCondition {
            field: Some("path-pattern".into()),
            values: Some(values.iter().map(|v| v.to_string()).collect()),
            ..Default::default()
        }
    }

    #[test]
    fn values_are_shown_in_both_forms() {
        let normal = normalize_conditions(&[path(&["/api/*"])]).unwrap();
        assert_eq!(
            normal[0].values.as_deref(),
            Some(&["/api/*".to_owned()][..])
        );
        assert_eq!(
            normal[0]
                .path_pattern_config
                .as_ref()
                .unwrap()
                .values
                .as_deref(),
            Some(&["/api/*".to_owned()][..])
        );
    }

    #[test]
    fn limits_and_bad_values_are_refused() {
        assert!(normalize_conditions(&[]).is_err(), "no condition");
        assert!(normalize_conditions(&[path(&["/a", "/b", "/c", "/d", "/e", "/f"])]).is_err());
        assert!(
            normalize_conditions(&[path(&["/a*", "/b*", "/c*"]), path(&["/x"])]).is_err(),
            "two path conditions"
        );
        assert!(
            normalize_conditions(&[path(&["/*/*/*/*/*/*"])]).is_err(),
            "six wildcards"
        );
        assert!(normalize_conditions(&[path(&["/a b"])]).is_err(), "a space");
        let host = |h: &str| RuleCondition {
            field: Some("host-header".into()),
            values: Some(vec![h.into()]),
            ..Default::default()
        };
        assert!(normalize_conditions(&[host("*.example.com")]).is_ok());
        assert!(normalize_conditions(&[host("localhost")]).is_err());
        let source = |block: &str| RuleCondition {
            field: Some("source-ip".into()),
            source_ip_config: Some(SourceIpConditionConfig {
                values: Some(vec![block.into()]),
            }),
            ..Default::default()
        };
        assert!(normalize_conditions(&[source("10.0.0.0/8")]).is_ok());
        assert!(normalize_conditions(&[source("10.0.0.300/8")]).is_err());
        let header = |name: &str| RuleCondition {
            field: Some("http-header".into()),
            http_header_config: Some(HttpHeaderConditionConfig {
                http_header_name: Some(name.into()),
                values: Some(vec!["x*".into()]),
                regex_values: None,
            }),
            ..Default::default()
        };
        assert!(normalize_conditions(&[header("X-Canary")]).is_ok());
        assert!(normalize_conditions(&[header("Host")]).is_err());
        assert!(normalize_conditions(&[header("bad name")]).is_err());
        let mismatched = RuleCondition {
            field: Some("path-pattern".into()),
            source_ip_config: Some(SourceIpConditionConfig {
                values: Some(vec!["10.0.0.0/8".into()]),
            }),
            ..Default::default()
        };
        assert!(normalize_conditions(&[mismatched]).is_err());
    }
}
