//! Table tests for the cluster query language: every operator, every subject,
//! compound expressions, and parse errors with their positions.

use super::*;
use crate::testing;

/// A t2.micro in us-east-1a with a custom attribute, a value-less attribute,
/// three running tasks of two groups, registered 2018-06-18T22:28:28Z.
fn inst() -> Instance {
    let mut i = testing::instance(1, 2, 4, "us-east-1a", "t2.micro");
    i.attributes.insert("stack".into(), Some("prod".into()));
    i.attributes.insert("rack".into(), Some("12".into()));
    i.attributes
        .insert("with:colon.and-dash".into(), Some("x".into()));
    i.ec2_instance_id = Some("i-abcd1234".into());
    i.agent_version = Some("1.10.0".into());
    i.registered_at = 1_529_360_908.0;
    i.running_tasks_count = 3;
    i.task_groups.insert("service:web".into(), 2);
    i.task_groups.insert("family:batch".into(), 1);
    i
}

fn eval(src: &str) -> bool {
    match Expr::parse(src) {
        Ok(e) => e.matches(&inst()),
        Err(e) => panic!("{src:?} should parse: {e}"),
    }
}

#[test]
fn every_operator() {
    let table: &[(&str, bool)] = &[
        ("attribute:stack == prod", true),
        ("attribute:stack equals prod", true),
        ("attribute:stack == dev", false),
        ("attribute:stack != dev", true),
        ("attribute:stack not_equals prod", false),
        ("attribute:rack > 9", true), // numeric, not "12" < "9"
        ("attribute:rack greater_than 12", false),
        ("attribute:rack >= 12", true),
        ("attribute:rack greater_than_equal 13", false),
        ("attribute:rack < 100", true),
        ("attribute:rack less_than 12", false),
        ("attribute:rack <= 12", true),
        ("attribute:rack less_than_equal 11.5", false),
        ("attribute:stack > alpha", true), // string order
        ("attribute:stack in [dev, prod]", true),
        ("attribute:stack in (dev, qa)", false),
        ("attribute:stack not_in [dev, qa]", true),
        ("attribute:stack !in [prod]", false),
        ("attribute:stack exists", true),
        (
            "attribute:com.amazonaws.ecs.capability.docker-remote-api.1.44 exists",
            true,
        ),
        ("attribute:nothing exists", false),
        ("attribute:nothing not_exists", true),
        ("attribute:stack !exists", false),
        ("attribute:ecs.instance-type =~ t2.*", true),
        ("attribute:ecs.instance-type matches m5.*", false),
        ("attribute:ecs.instance-type !~ m5.*", true),
        ("attribute:ecs.instance-type not_matches t2\\..*", false),
    ];
    for (src, want) in table {
        assert_eq!(eval(src), *want, "{src}");
    }
}

#[test]
fn every_subject() {
    let table: &[(&str, bool)] = &[
        ("attribute:ecs.availability-zone == us-east-1a", true),
        ("attribute:with:colon.and-dash == x", true),
        ("ec2InstanceType == t2.micro", true),
        ("ec2InstanceType =~ t2.*", true),
        ("ec2InstanceId == i-abcd1234", true),
        ("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", true),
        ("ec2InstanceId !~ i-.*", false),
        ("registeredAt < 2019-01-01", true),
        ("registeredAt > 2018-06-18", true),
        ("registeredAt == 2018-06-18T22:28:28Z", true),
        ("registeredAt == 2018-06-18T23:28:28+01:00", true),
        ("registeredAt >= 2018-06-18T22:28:29", false),
        ("runningTasksCount == 3", true),
        ("runningTasksCount > 2", true),
        ("runningTasksCount <= 2", false),
        ("agentConnected == true", true),
        ("agentConnected == false", false),
        ("agentConnected in [true]", true),
        ("agentVersion > 1.9.2", true), // component-wise, not string order
        ("agentVersion >= 1.10.0", true),
        ("agentVersion < 1.10.1", true),
        ("agentVersion == 1.10", true),
        ("task:group == service:web", true),
        ("task:group == family:batch", true),
        ("task:group == service:db", false),
        ("task:group != service:web", false),
        ("task:group != service:db", true),
        ("task:group in [service:db, family:batch]", true),
        ("task:group =~ service:.*", true),
        ("task:group exists", true),
    ];
    for (src, want) in table {
        assert_eq!(eval(src), *want, "{src}");
    }
}

#[test]
fn compounds_quotes_and_precedence() {
    let table: &[(&str, bool)] = &[
        ("attribute:stack == prod and attribute:rack == 12", true),
        ("attribute:stack == prod && attribute:rack == 13", false),
        ("attribute:stack == dev or attribute:rack == 12", true),
        ("attribute:stack == dev || attribute:rack == 13", false),
        ("not attribute:stack == dev", true),
        ("!(attribute:stack == prod)", false),
        ("not(task:group == database)", true),
        // `and` binds tighter than `or`.
        (
            "attribute:stack == dev and attribute:rack == 1 or attribute:rack == 12",
            true,
        ),
        (
            "attribute:stack == dev and (attribute:rack == 1 or attribute:rack == 12)",
            false,
        ),
        ("attribute:stack == 'prod'", true),
        ("attribute:stack == \"prod\"", true),
        ("attribute:stack in ['a b', \"prod\"]", true),
        (
            "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d",
            false,
        ),
        (
            "attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone != us-east-1d",
            true,
        ),
        ("  ( ( attribute:stack==prod ) )  ", true),
        ("attribute:missing != prod", true),
        ("attribute:missing == prod", false),
        ("attribute:missing < 5", false),
        (
            "attribute:com.amazonaws.ecs.capability.docker-remote-api.1.44 == x",
            false,
        ),
    ];
    for (src, want) in table {
        assert_eq!(eval(src), *want, "{src}");
    }
}

#[test]
fn dynamic_subjects_are_flagged() {
    let dynamic = |s: &str| Expr::parse(s).map(|e| e.is_dynamic());
    assert_eq!(dynamic("attribute:a == b"), Ok(false));
    assert_eq!(
        dynamic("attribute:a == b or runningTasksCount < 2"),
        Ok(true)
    );
    assert_eq!(dynamic("not task:group == x"), Ok(true));
}

#[test]
fn parse_errors_say_where_and_what() {
    let table: &[(&str, usize, &str)] = &[
        ("", 0, "a subject"),
        ("attribute:stack", 15, "an operator"),
        ("attribute:stack ==", 18, "a value"),
        ("attribute:stack = prod", 16, "'==' or '=~'"),
        ("attribute:stack == prod and", 27, "a subject"),
        ("attribute:stack == prod foo", 24, "'and', 'or'"),
        ("(attribute:stack == prod", 24, "')'"),
        ("attribute:stack in [a, b", 24, "',' or ']'"),
        ("attribute:stack in a", 19, "'['"),
        ("attribute: == a", 0, "a subject"),
        ("color == red", 0, "a subject"),
        ("attribute:stack === a", 18, "'==' or '=~'"),
        ("attribute:stack == 'open", 19, "a closing quote"),
        ("attribute:stack ! a", 18, "'exists' or 'in'"),
        ("registeredAt > yesterday", 15, "a date"),
        ("runningTasksCount > many", 20, "a number"),
        (
            "agentConnected > true",
            0,
            "an operator agentConnected supports",
        ),
        (
            "runningTasksCount in [1, 2]",
            0,
            "an operator runningTasksCount supports",
        ),
        ("attribute:a =~ (x", 15, "a value"),
        ("attribute:a =~ 'x{2}'", 17, "a supported pattern"),
        ("attribute:a & attribute:b", 12, "'&&'"),
    ];
    for (src, pos, needle) in table {
        match Expr::parse(src) {
            Err(ScheduleError::InvalidExpression {
                position, expected, ..
            }) => {
                assert_eq!(position, *pos, "{src}: expected {expected}");
                assert!(expected.contains(needle), "{src}: {expected}");
            }
            other => panic!("{src}: unexpected {other:?}"),
        }
    }
}

#[test]
fn limits_length_and_depth() {
    let long = format!("attribute:a == {}", "x".repeat(MAX_EXPRESSION_LEN));
    assert!(matches!(
        Expr::parse(&long),
        Err(ScheduleError::ExpressionTooLong { .. })
    ));
    let deep = format!("{}attribute:a == b{}", "(".repeat(40), ")".repeat(40));
    assert_eq!(
        Expr::parse(&deep),
        Err(ScheduleError::ExpressionTooDeep { max: MAX_DEPTH })
    );
    let nots = format!("{}attribute:a == b", "not ".repeat(40));
    assert_eq!(
        Expr::parse(&nots),
        Err(ScheduleError::ExpressionTooDeep { max: MAX_DEPTH })
    );
    let ok = format!("{}attribute:a == b{}", "(".repeat(20), ")".repeat(20));
    assert!(Expr::parse(&ok).is_ok());
    // A long flat chain is fine: `and`/`or` loop instead of recursing.
    let wide = vec!["attribute:a == b"; 100].join(" or ");
    assert!(Expr::parse(&wide).is_ok());
}
