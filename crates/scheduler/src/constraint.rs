//! Placement constraints (`distinctInstance`, `memberOf`) and their parsing from
//! ECS's `{type, expression}` pairs. A `memberOf` expression is parsed once here.

use berth_api::ecs::PlacementConstraint;

use crate::error::ScheduleError;
use crate::query::Expr;

/// ECS allows at most ten constraints per request (task definition and request
/// together); the server enforces the combined count, we enforce each list's.
pub const MAX_CONSTRAINTS: usize = 10;

/// A `memberOf` constraint: its source text (the cache key for its per-instance
/// results) and its parsed expression.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberOf {
    source: String,
    expr: Expr,
    dynamic: bool,
}

impl MemberOf {
    pub fn parse(expression: &str) -> Result<MemberOf, ScheduleError> {
        let expr = Expr::parse(expression)?;
        Ok(MemberOf {
            source: expression.to_string(),
            dynamic: expr.is_dynamic(),
            expr,
        })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn expr(&self) -> &Expr {
        &self.expr
    }

    /// Whether the result for an instance can change when a task is placed on it
    /// (`runningTasksCount`, `task:group`), so it must not be cached.
    pub fn is_dynamic(&self) -> bool {
        self.dynamic
    }
}

/// One placement constraint.
#[derive(Debug, Clone, PartialEq)]
pub enum Constraint {
    /// No two tasks of the request's group on one instance: the tasks of one call
    /// go to different instances, none of which already runs a task of the group.
    DistinctInstance,
    /// Only instances matching the expression.
    MemberOf(MemberOf),
}

/// Parses one ECS placement constraint from its wire `type` and `expression`.
pub fn parse_constraint(
    type_: &str,
    expression: Option<&str>,
) -> Result<Constraint, ScheduleError> {
    let expression = expression.filter(|e| !e.trim().is_empty());
    match type_ {
        "distinctInstance" => match expression {
            None => Ok(Constraint::DistinctInstance),
            Some(_) => Err(ScheduleError::InvalidConstraint(
                "an expression cannot be given for distinctInstance".into(),
            )),
        },
        "memberOf" => match expression {
            Some(e) => Ok(Constraint::MemberOf(MemberOf::parse(e)?)),
            None => Err(ScheduleError::InvalidConstraint(
                "memberOf needs an expression".into(),
            )),
        },
        other => Err(ScheduleError::InvalidConstraint(format!(
            "type must be distinctInstance or memberOf, got {other:?}"
        ))),
    }
}

/// Parses a whole constraint list from the API shape.
pub fn parse_constraints(list: &[PlacementConstraint]) -> Result<Vec<Constraint>, ScheduleError> {
    if list.len() > MAX_CONSTRAINTS {
        return Err(ScheduleError::InvalidConstraint(format!(
            "at most {MAX_CONSTRAINTS} constraints are allowed, got {}",
            list.len()
        )));
    }
    list.iter()
        .map(|c| {
            let type_ = c
                .type_
                .as_ref()
                .ok_or_else(|| ScheduleError::InvalidConstraint("type is required".into()))?;
            parse_constraint(type_.as_str(), c.expression.as_deref())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_constraints() {
        assert_eq!(
            parse_constraint("distinctInstance", None),
            Ok(Constraint::DistinctInstance)
        );
        assert_eq!(
            parse_constraint("distinctInstance", Some(" ")),
            Ok(Constraint::DistinctInstance)
        );
        let Ok(Constraint::MemberOf(m)) =
            parse_constraint("memberOf", Some("attribute:ecs.instance-type =~ t2.*"))
        else {
            panic!("memberOf should parse");
        };
        assert_eq!(m.source(), "attribute:ecs.instance-type =~ t2.*");
        assert!(!m.is_dynamic());
        let Ok(Constraint::MemberOf(m)) =
            parse_constraint("memberOf", Some("runningTasksCount < 3"))
        else {
            panic!("memberOf should parse");
        };
        assert!(m.is_dynamic());
    }

    #[test]
    fn rejects_invalid_constraints() {
        let table: &[(&str, Option<&str>, &str)] = &[
            (
                "distinctInstance",
                Some("attribute:a == b"),
                "cannot be given",
            ),
            ("memberOf", None, "needs an expression"),
            ("memberOf", Some(""), "needs an expression"),
            ("memberOf", Some("attribute:a =="), "expected a value"),
            ("sameZone", None, "distinctInstance or memberOf"),
        ];
        for (t, e, needle) in table {
            let err = parse_constraint(t, *e)
                .expect_err("should be rejected")
                .to_string();
            assert!(err.contains(needle), "{t} {e:?}: {err}");
        }
    }
}
