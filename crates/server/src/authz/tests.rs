//! Whole-document tests: IAM's classic evaluation cases, documents IAM refuses, and trust
//! policies. Operator-by-operator and wildcard tests sit beside their code.

use super::*;

const ACCOUNT: &str = "000000000000";
const PROD: &str = "arn:aws:ecs:us-east-1:000000000000:cluster/prod";
const DEV: &str = "arn:aws:ecs:us-east-1:000000000000:cluster/dev";

fn identity(json: &str) -> Policy {
    Policy::parse(json, PolicyKind::Identity).unwrap_or_else(|err| panic!("{err}\n{json}"))
}

fn trust(json: &str) -> Policy {
    Policy::parse(json, PolicyKind::Trust).unwrap_or_else(|err| panic!("{err}\n{json}"))
}

/// One-statement identity policy with the given statement body.
fn statement(body: &str) -> Policy {
    identity(&format!(
        r#"{{"Version": "2012-10-17", "Statement": {{{body}}}}}"#
    ))
}

fn decide(policies: &[&Policy], action: &str, resource: &str, context: &Context) -> Decision {
    evaluate(
        policies,
        &Request {
            action,
            resource,
            context,
        },
    )
}

/// Asserts the decision for each `(action, resource, context, decision)`.
fn expect(policies: &[&Policy], cases: &[(&str, &str, &Context, Decision)]) {
    for (action, resource, context, decision) in cases {
        assert_eq!(
            decide(policies, action, resource, context),
            *decision,
            "{action} on {resource} with {context:?}"
        );
    }
}

fn refusal(json: &str, kind: PolicyKind) -> String {
    match Policy::parse(json, kind) {
        Ok(_) => panic!("accepted: {json}"),
        Err(err) => err.to_string(),
    }
}

#[test]
fn explicit_deny_in_one_policy_overrides_allow_in_another() {
    let allow_all = statement(r#""Effect": "Allow", "Action": "ecs:*", "Resource": "*""#);
    let deny_delete =
        statement(r#""Effect": "Deny", "Action": "ecs:DeleteCluster", "Resource": "*""#);
    let none = Context::new();
    for order in [[&allow_all, &deny_delete], [&deny_delete, &allow_all]] {
        expect(
            &order,
            &[
                ("ecs:DeleteCluster", PROD, &none, Decision::ExplicitDeny),
                ("ecs:DescribeClusters", PROD, &none, Decision::Allow),
            ],
        );
    }
    expect(
        &[&allow_all],
        &[("ecs:DeleteCluster", PROD, &none, Decision::Allow)],
    );
    expect(
        &[&deny_delete],
        &[("ecs:RunTask", PROD, &none, Decision::ImplicitDeny)],
    );
    expect(&[], &[("ecs:RunTask", PROD, &none, Decision::ImplicitDeny)]);
}

#[test]
fn not_action_with_allow_allows_everything_else() {
    let policy =
        statement(r#""Effect": "Allow", "NotAction": ["iam:*", "sts:*"], "Resource": "*""#);
    let none = Context::new();
    expect(
        &[&policy],
        &[
            ("ecs:RunTask", PROD, &none, Decision::Allow),
            ("logs:PutLogEvents", "*", &none, Decision::Allow),
            ("iam:PutRolePolicy", "*", &none, Decision::ImplicitDeny),
            ("STS:AssumeRole", "*", &none, Decision::ImplicitDeny),
        ],
    );
}

#[test]
fn not_resource_covers_every_other_resource() {
    let deny_outside_dev = identity(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "ecs:*", "Resource": "*"},
            {"Effect": "Deny", "Action": "ecs:*",
             "NotResource": ["arn:aws:ecs:us-east-1:000000000000:cluster/dev",
                             "arn:aws:ecs:us-east-1:000000000000:task/dev/*"]}]}"#,
    );
    let none = Context::new();
    let dev_task = "arn:aws:ecs:us-east-1:000000000000:task/dev/0123abcd";
    expect(
        &[&deny_outside_dev],
        &[
            ("ecs:RunTask", DEV, &none, Decision::Allow),
            ("ecs:StopTask", dev_task, &none, Decision::Allow),
            ("ecs:RunTask", PROD, &none, Decision::ExplicitDeny),
            ("ecs:ListClusters", "*", &none, Decision::ExplicitDeny),
        ],
    );
}

#[test]
fn a_user_limited_to_one_cluster_by_resource_arn() {
    let policy = identity(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Sid": "ClusterItself", "Effect": "Allow",
             "Action": ["ecs:DescribeClusters", "ecs:RunTask", "ecs:ListTasks"],
             "Resource": "arn:aws:ecs:us-east-1:000000000000:cluster/dev"},
            {"Sid": "ItsTasks", "Effect": "Allow", "Action": ["ecs:StopTask", "ecs:DescribeTasks"],
             "Resource": "arn:aws:ecs:us-east-1:000000000000:task/dev/*"}]}"#,
    );
    let none = Context::new();
    let p = [&policy];
    let dev_task = "arn:aws:ecs:us-east-1:000000000000:task/dev/abc";
    let prod_task = "arn:aws:ecs:us-east-1:000000000000:task/prod/abc";
    expect(
        &p,
        &[
            ("ecs:RunTask", DEV, &none, Decision::Allow),
            ("ecs:RunTask", PROD, &none, Decision::ImplicitDeny),
            ("ecs:StopTask", dev_task, &none, Decision::Allow),
            ("ecs:StopTask", prod_task, &none, Decision::ImplicitDeny),
            ("ecs:ListClusters", "*", &none, Decision::ImplicitDeny),
        ],
    );
    // Several resources: allowed only when each one is, and the refusal names the first
    // resource that was not allowed.
    assert_eq!(
        authorize_all(&p, "ecs:DescribeTasks", &[dev_task, dev_task], &none),
        Ok(())
    );
    assert_eq!(
        authorize_all(&p, "ecs:DescribeTasks", &[dev_task, prod_task], &none),
        Err(Denied {
            decision: Decision::ImplicitDeny,
            resource: prod_task
        })
    );
    assert!(
        authorize_all(&p, "ecs:DescribeTasks", &[], &none).is_err(),
        "no resource is *"
    );
}

#[test]
fn several_resources_report_an_explicit_deny_before_an_implicit_one() {
    let policy = identity(
        r#"{"Statement": [
            {"Effect": "Allow", "Action": "ecs:*", "Resource": "arn:aws:ecs:*:*:cluster/dev"},
            {"Effect": "Deny", "Action": "ecs:*", "Resource": "arn:aws:ecs:*:*:cluster/prod"}]}"#,
    );
    let other = "arn:aws:ecs:us-east-1:000000000000:cluster/other";
    assert_eq!(
        authorize_all(
            &[&policy],
            "ecs:DescribeClusters",
            &[DEV, other, PROD],
            &Context::new()
        ),
        Err(Denied {
            decision: Decision::ExplicitDeny,
            resource: PROD
        })
    );
}

#[test]
fn a_user_limited_to_one_cluster_by_the_ecs_cluster_condition() {
    let policy = statement(
        r#""Effect": "Allow", "Action": ["ecs:RunTask", "ecs:StartTask"], "Resource": "*",
           "Condition": {"ArnEquals": {"ecs:cluster": "arn:aws:ecs:us-east-1:000000000000:cluster/dev"}}"#,
    );
    let task_definition = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:3";
    let in_dev = Context::new().with("ecs:cluster", DEV);
    let in_prod = Context::new().with("ecs:cluster", PROD);
    let none = Context::new();
    expect(
        &[&policy],
        &[
            ("ecs:RunTask", task_definition, &in_dev, Decision::Allow),
            (
                "ecs:RunTask",
                task_definition,
                &in_prod,
                Decision::ImplicitDeny,
            ),
            // Without the key the condition is false.
            (
                "ecs:RunTask",
                task_definition,
                &none,
                Decision::ImplicitDeny,
            ),
        ],
    );
}

#[test]
fn string_like_with_wildcards_in_a_condition() {
    let policy = statement(
        r#""Effect": "Allow", "Action": "ecs:TagResource", "Resource": "*",
           "Condition": {"StringLike": {"aws:RequestTag/team": ["web-*", "db-??"]}}"#,
    );
    let tagged = |team: &str| Context::new().with("aws:RequestTag/team", team);
    let team = ["web-frontend", "db-01", "db-1", "WEB-x"].map(tagged);
    expect(
        &[&policy],
        &[
            ("ecs:TagResource", PROD, &team[0], Decision::Allow),
            ("ecs:TagResource", PROD, &team[1], Decision::Allow),
            ("ecs:TagResource", PROD, &team[2], Decision::ImplicitDeny),
            ("ecs:TagResource", PROD, &team[3], Decision::ImplicitDeny),
        ],
    );
}

#[test]
fn if_exists_with_a_missing_key_applies_the_statement() {
    let deny_other_clusters = identity(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "ecs:*", "Resource": "*"},
            {"Effect": "Deny", "Action": "ecs:*", "Resource": "*",
             "Condition": {"ArnNotEqualsIfExists": {"ecs:cluster": "arn:aws:ecs:us-east-1:000000000000:cluster/dev"}}}]}"#,
    );
    let none = Context::new();
    let in_dev = Context::new().with("ecs:cluster", DEV);
    let in_prod = Context::new().with("ecs:cluster", PROD);
    expect(
        &[&deny_other_clusters],
        &[
            // ListClusters has no ecs:cluster key: with IfExists the Deny's condition holds.
            ("ecs:ListClusters", "*", &none, Decision::ExplicitDeny),
            ("ecs:RunTask", "*", &in_dev, Decision::Allow),
            ("ecs:RunTask", "*", &in_prod, Decision::ExplicitDeny),
        ],
    );
}

#[test]
fn for_all_values_with_an_empty_set_is_true() {
    let policy = statement(
        r#""Effect": "Allow", "Action": "ecs:CreateCluster", "Resource": "*",
           "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}}"#,
    );
    let tag_keys = |keys: &[&str]| {
        let mut context = Context::new();
        context.set("aws:TagKeys", keys.iter().copied());
        context
    };
    let (none, allowed, other) = (
        tag_keys(&[]),
        tag_keys(&["team"]),
        tag_keys(&["team", "owner"]),
    );
    expect(
        &[&policy],
        &[
            ("ecs:CreateCluster", "*", &none, Decision::Allow),
            ("ecs:CreateCluster", "*", &allowed, Decision::Allow),
            ("ecs:CreateCluster", "*", &other, Decision::ImplicitDeny),
        ],
    );
}

#[test]
fn null_condition_requires_a_tag() {
    let deny_untagged = identity(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "ecs:CreateCluster", "Resource": "*"},
            {"Effect": "Deny", "Action": "ecs:CreateCluster", "Resource": "*",
             "Condition": {"Null": {"aws:RequestTag/team": "true"}}}]}"#,
    );
    let untagged = Context::new();
    let tagged = Context::new().with("aws:RequestTag/team", "web");
    expect(
        &[&deny_untagged],
        &[
            ("ecs:CreateCluster", "*", &untagged, Decision::ExplicitDeny),
            ("ecs:CreateCluster", "*", &tagged, Decision::Allow),
        ],
    );
}

#[test]
fn ip_ranges_limit_where_calls_come_from() {
    let policy = identity(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "*", "Resource": "*"},
            {"Effect": "Deny", "Action": "*", "Resource": "*",
             "Condition": {"NotIpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.0.2.0/24"]}}}]}"#,
    );
    let from = ["10.20.30.40", "192.0.2.200", "198.51.100.1", "11.0.0.1"]
        .map(|ip| Context::new().with("aws:SourceIp", ip));
    expect(
        &[&policy],
        &[
            ("ecs:RunTask", PROD, &from[0], Decision::Allow),
            ("ecs:RunTask", PROD, &from[1], Decision::Allow),
            ("ecs:RunTask", PROD, &from[2], Decision::ExplicitDeny),
            ("ecs:RunTask", PROD, &from[3], Decision::ExplicitDeny),
        ],
    );
}

#[test]
fn actions_and_keys_ignore_case_but_resources_and_values_do_not() {
    let policy = statement(
        r#""Effect": "Allow", "Action": "ECS:describe*",
           "Resource": "arn:aws:ecs:us-east-1:000000000000:cluster/Prod",
           "Condition": {"StringEquals": {"AWS:UserName": "Alice"}}"#,
    );
    let prod_upper = "arn:aws:ecs:us-east-1:000000000000:cluster/Prod";
    let alice = Context::new().with("aws:username", "Alice");
    let lower = Context::new().with("aws:username", "alice");
    expect(
        &[&policy],
        &[
            ("ecs:DescribeClusters", prod_upper, &alice, Decision::Allow),
            ("Ecs:DESCRIBECLUSTERS", prod_upper, &alice, Decision::Allow),
            ("ecs:DescribeClusters", PROD, &alice, Decision::ImplicitDeny),
            (
                "ecs:DescribeClusters",
                prod_upper,
                &lower,
                Decision::ImplicitDeny,
            ),
        ],
    );
}

#[test]
fn resource_variables_give_each_user_their_own_cluster() {
    let policy = statement(
        r#""Effect": "Allow", "Action": "ecs:*",
           "Resource": ["arn:aws:ecs:*:${aws:PrincipalAccount}:cluster/${aws:username}",
                        "arn:aws:ecs:*:*:task/${aws:username}/*"]"#,
    );
    let alice = Context::new()
        .with(keys::USERNAME, "alice")
        .with(keys::PRINCIPAL_ACCOUNT, ACCOUNT);
    // A role session has no aws:username: the variable matches nothing.
    let session = Context::new().with(keys::PRINCIPAL_ACCOUNT, ACCOUNT);
    let own = "arn:aws:ecs:us-east-1:000000000000:cluster/alice";
    let own_task = "arn:aws:ecs:us-east-1:000000000000:task/alice/abc";
    expect(
        &[&policy],
        &[
            ("ecs:DeleteCluster", own, &alice, Decision::Allow),
            ("ecs:StopTask", own_task, &alice, Decision::Allow),
            ("ecs:DeleteCluster", PROD, &alice, Decision::ImplicitDeny),
            ("ecs:DeleteCluster", own, &session, Decision::ImplicitDeny),
        ],
    );
}

#[test]
fn version_2008_treats_variables_as_text() {
    let legacy = identity(
        r#"{"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "ecs:*",
            "Resource": "arn:aws:ecs:*:*:cluster/${aws:username}"}}"#,
    );
    assert_eq!(legacy.version(), PolicyVersion::V2008_10_17);
    let alice = Context::new().with(keys::USERNAME, "alice");
    let literal = "arn:aws:ecs:us-east-1:000000000000:cluster/${aws:username}";
    let own = "arn:aws:ecs:us-east-1:000000000000:cluster/alice";
    expect(
        &[&legacy],
        &[
            ("ecs:RunTask", literal, &alice, Decision::Allow),
            ("ecs:RunTask", own, &alice, Decision::ImplicitDeny),
        ],
    );
    let unversioned = identity(
        r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": "${aws:username}"}}"#
            .replace("${aws:username}", "arn:aws:ecs:*:*:cluster/${aws:username}")
            .as_str(),
    );
    assert_eq!(unversioned.version(), PolicyVersion::V2008_10_17);
}

/// A realistic document: every element, several forms of each.
#[test]
fn accepts_a_full_document_and_reports_its_shape() {
    let json = r#"{
        "Version": "2012-10-17",
        "Id": "berth-dev-policy",
        "Statement": [
            {"Sid": "Read", "Effect": "Allow", "Action": ["ecs:Describe*", "ecs:List*"], "Resource": "*"},
            {"Sid": "Run", "Effect": "Allow", "Action": "ecs:RunTask",
             "Resource": "arn:aws:ecs:us-east-1:000000000000:task-definition/web:*",
             "Condition": {"ArnEquals": {"ecs:cluster": "arn:aws:ecs:us-east-1:000000000000:cluster/dev"},
                           "Bool": {"aws:SecureTransport": true},
                           "NumericLessThanEquals": {"ecs:count": 10}}},
            {"Effect": "Deny", "NotAction": "ecs:*", "NotResource": "arn:aws:logs:*:*:log-group:/ecs/*"},
            {"Sid": "", "Effect": "Allow", "Action": "iam:GetUser",
             "Resource": "arn:aws:iam::000000000000:user/${aws:username}"}
        ]
    }"#;
    let policy = identity(json);
    assert_eq!(policy.kind(), PolicyKind::Identity);
    assert_eq!(policy.version(), PolicyVersion::V2012_10_17);
    assert_eq!(policy.id(), Some("berth-dev-policy"));
    assert_eq!(policy.statement_count(), 4);
    assert_eq!(policy.size(), policy_size(json));
    assert!(policy.size() < json.len(), "whitespace does not count");
    assert_eq!(policy.aws_principals().count(), 0);
}

#[test]
fn malformed_documents_are_refused_with_iam_messages() {
    use PolicyKind::{Identity, Trust};
    let allow = r#""Effect": "Allow", "Action": "ecs:*", "Resource": "*""#;
    let cases: Vec<(String, PolicyKind, &str)> = vec![
        ("not json".into(), Identity, "Syntax errors in policy. The document is not valid JSON"),
        ("".into(), Identity, "The policy document is empty."),
        ("[]".into(), Identity, "A policy document is a JSON object"),
        (r#"{"Version": "2012-10-17"}"#.into(), Identity, "The document has no Statement"),
        (r#"{"Statement": []}"#.into(), Identity, "Statement is an empty list"),
        (r#"{"Statement": "x"}"#.into(), Identity, "Statement must be a statement object"),
        (r#"{"Statement": ["x"]}"#.into(), Identity, "Statement 1 must be an object"),
        (format!(r#"{{"Version": "2012-10-18", "Statement": {{{allow}}}}}"#), Identity, "Version must be \"2012-10-17\""),
        (format!(r#"{{"Version": 2012, "Statement": {{{allow}}}}}"#), Identity, "Version must be"),
        (format!(r#"{{"Id": 7, "Statement": {{{allow}}}}}"#), Identity, "Id must be a string"),
        (format!(r#"{{"Statements": {{{allow}}}}}"#), Identity, "unknown field \"Statements\" (did you mean \"Statement\"?)"),
        (format!(r#"{{"Statement": {{{allow}, "Resources": "*"}}}}"#), Identity, "Statement 1 has the unknown field \"Resources\" (did you mean \"Resource\"?)"),
        (format!(r#"{{"Statement": {{{allow}, "effect": "Allow"}}}}"#), Identity, "did you mean \"Effect\"?"),
        (format!(r#"{{"Statement": {{{allow}, "Effect": "Deny"}}}}"#), Identity, "\"Effect\" appears twice"),
        (r#"{"Statement": {"Action": "ecs:*", "Resource": "*"}}"#.into(), Identity, "statement 1 has no Effect"),
        (r#"{"Statement": {"Effect": "allow", "Action": "ecs:*", "Resource": "*"}}"#.into(), Identity, "The policy failed legacy parsing because statement 1 has \"Effect\": \"allow\""),
        (r#"{"Statement": {"Effect": "Permit", "Action": "ecs:*", "Resource": "*"}}"#.into(), Identity, "Effect must be \"Allow\" or \"Deny\", not \"Permit\""),
        (r#"{"Statement": {"Effect": "Allow", "Resource": "*"}}"#.into(), Identity, "Policy statement must contain actions."),
        (r#"{"Statement": {"Effect": "Allow", "Action": [], "Resource": "*"}}"#.into(), Identity, "Policy statement must contain actions."),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*"}}"#.into(), Identity, "Policy statement must contain resources."),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": []}}"#.into(), Identity, "Policy statement must contain resources."),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*", "NotAction": "iam:*", "Resource": "*"}}"#.into(), Identity, "has both Action and NotAction"),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*", "NotResource": "*", "Resource": "*"}}"#.into(), Identity, "has both Resource and NotResource"),
        (r#"{"Statement": {"Effect": "Allow", "Action": {"a": 1}, "Resource": "*"}}"#.into(), Identity, "Action must be a string or a list of strings, but holds an object"),
        (r#"{"Statement": {"Effect": "Allow", "Action": ["ecs:*", 3], "Resource": "*"}}"#.into(), Identity, "but holds a number"),
        (r#"{"Statement": {"Effect": "Allow", "Action": "RunTask", "Resource": "*"}}"#.into(), Identity, "Actions/Conditions must be prefaced by a vendor"),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:Run:Task", "Resource": "*"}}"#.into(), Identity, "Actions/Condition can contain only one colon."),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ec$:RunTask", "Resource": "*"}}"#.into(), Identity, "Vendor ec$ is not valid"),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:", "Resource": "*"}}"#.into(), Identity, "has no name after its service prefix"),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": "cluster/prod"}}"#.into(), Identity, "Resource cluster/prod must be in ARN format or \"*\"."),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": "arn:azure:ecs:r:0:x"}}"#.into(), Identity, "Partition \"azure\" is not valid for resource \"arn:azure:ecs:r:0:x\"."),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": "arn:aws:ec*:r:0:x"}}"#.into(), Identity, "Resource vendor must be fully qualified and cannot contain regexes."),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": "arn:aws::r:0:x"}}"#.into(), Identity, "The policy failed legacy parsing because the resource \"arn:aws::r:0:x\""),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": "arn:aws:ecs::0"}}"#.into(), Identity, "The policy failed legacy parsing"),
        (r#"{"Statement": {"Effect": "Allow", "Action": "iam:*", "Resource": "arn:aws:iam:us-east-1:0:role/x"}}"#.into(), Identity, "cannot contain region information"),
        (r#"{"Statement": {"Effect": "Allow", "Action": "iam:*", "Resource": "arn:aws:iam::0:rol/x"}}"#.into(), Identity, "IAM resource path must either be \"*\" or start with user/"),
        (r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": "arn:aws:ecs:*:*:cluster/${aws:username"}}"#.into(), Identity, "has no closing \"}\""),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Principal": "*"}}"#.into(), Identity, "Policy document should not specify a principal."),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "NotPrincipal": {"AWS": "*"}}}"#.into(), Identity, "Policy document should not specify a principal."),
        (r#"{"Statement": [{"Sid": "A", "Effect": "Allow", "Action": "ecs:*", "Resource": "*"}, {"Sid": "A", "Effect": "Deny", "Action": "ecs:*", "Resource": "*"}]}"#.into(), Identity, "Statement IDs (SID) in a single policy must be unique. Sid \"A\" is used by statements 1 and 2."),
        (r#"{"Statement": {"Sid": "not ok", "Effect": "Allow", "Action": "ecs:*", "Resource": "*"}}"#.into(), Identity, "Statement IDs (SID) must be alpha-numeric."),
        (r#"{"Statement": {"Sid": 1, "Effect": "Allow", "Action": "ecs:*", "Resource": "*"}}"#.into(), Identity, "Sid must be a string"),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": {"StringEqual": {"aws:username": "a"}}}}"#.into(), Identity, "unknown condition operator \"StringEqual\""),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": "x"}}"#.into(), Identity, "Condition must be an object of operators"),
        ("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"ecs:*\", \"Resource\": \"\u{201c}*\u{201d}\"}}".into(), Identity, "\\u{201c}"),
        (r#"{"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole"}}"#.into(), Trust, "Missing required field Principal"),
        (r#"{"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Resource": "*"}}"#.into(), Trust, "Has prohibited field Resource."),
        (r#"{"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "NotResource": "*"}}"#.into(), Trust, "Has prohibited field NotResource."),
        (r#"{"Statement": {"Effect": "Allow", "Action": "ecs:RunTask", "Principal": {"Service": "ecs-tasks.amazonaws.com"}}}"#.into(), Trust, "Trust Policy statement actions can only be sts:AssumeRole"),
        (r#"{"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "bob"}}}"#.into(), Trust, "Invalid principal in policy: \"AWS\":\"bob\""),
        (r#"{"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "*"}, "NotPrincipal": {"AWS": "*"}}}"#.into(), Trust, "has both Principal and NotPrincipal"),
    ];
    for (json, kind, expected) in cases {
        let message = refusal(&json, kind);
        assert!(
            message.contains(expected),
            "{json}\n  gave: {message}\n  wanted: {expected}"
        );
    }
}

#[test]
fn refuses_documents_longer_than_the_api_accepts() {
    let padding = " ".repeat(MAX_DOCUMENT_CHARS);
    let json = format!(
        r#"{{"Statement": {{"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}}}}{padding}"#
    );
    match Policy::parse(&json, PolicyKind::Identity) {
        Err(PolicyError::TooLong { length, limit }) => {
            assert_eq!(limit, MAX_DOCUMENT_CHARS);
            assert_eq!(length, json.len());
        }
        other => panic!("expected TooLong, got {other:?}"),
    }
    // A document at the quota's edge is fine to parse: quotas are the API's to apply.
    let statement = r#"{"Effect": "Allow", "Action": "ecs:DescribeClusters", "Resource": "*"},"#;
    let many = statement.repeat(MAX_ROLE_INLINE_POLICY_CHARS / statement.len());
    let big = format!(r#"{{"Statement": [{}]}}"#, many.trim_end_matches(','));
    let policy = identity(&big);
    assert!(policy.size() <= MAX_ROLE_INLINE_POLICY_CHARS);
    assert!(policy.size() > MAX_USER_INLINE_POLICY_CHARS);
}

const ECS_TASKS_TRUST: &str = r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "ecs-tasks.amazonaws.com"},
        "Action": "sts:AssumeRole",
        "Condition": {
            "ArnLike": {"aws:SourceArn": "arn:aws:ecs:us-east-1:000000000000:*"},
            "StringEquals": {"aws:SourceAccount": "000000000000"}
        }
    }]
}"#;

#[test]
fn a_task_role_trusts_the_ecs_tasks_service_from_its_account() {
    let role = trust(ECS_TASKS_TRUST);
    let ecs_tasks = TrustPrincipal::Service("ecs-tasks.amazonaws.com");
    let from_task = Context::new()
        .with(
            keys::SOURCE_ARN,
            "arn:aws:ecs:us-east-1:000000000000:task/prod/abc",
        )
        .with(keys::SOURCE_ACCOUNT, ACCOUNT);
    assert_eq!(trusts(&role, &ecs_tasks, &from_task), Decision::Allow);
    assert_eq!(
        trust_grant(&role, "sts:AssumeRole", &ecs_tasks, &from_task),
        Ok(TrustGrant::Named)
    );
    let other_account = Context::new()
        .with(
            keys::SOURCE_ARN,
            "arn:aws:ecs:us-east-1:111111111111:task/prod/abc",
        )
        .with(keys::SOURCE_ACCOUNT, "111111111111");
    assert_eq!(
        trusts(&role, &ecs_tasks, &other_account),
        Decision::ImplicitDeny
    );
    assert_eq!(
        trusts(&role, &ecs_tasks, &Context::new()),
        Decision::ImplicitDeny
    );
    let lambda = TrustPrincipal::Service("lambda.amazonaws.com");
    assert_eq!(trusts(&role, &lambda, &from_task), Decision::ImplicitDeny);
    let user = TrustPrincipal::User("arn:aws:iam::000000000000:user/alice");
    assert_eq!(trusts(&role, &user, &from_task), Decision::ImplicitDeny);
    assert_eq!(
        trust_grant(&role, "sts:TagSession", &ecs_tasks, &from_task),
        Err(Decision::ImplicitDeny),
        "only the actions the statement names"
    );
}

#[test]
fn trust_policies_with_aws_principals() {
    let role = trust(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::000000000000:root"},
             "Action": ["sts:AssumeRole", "sts:TagSession"]},
            {"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::000000000000:user/ci"]},
             "Action": "sts:AssumeRole"},
            {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::000000000000:user/intern"},
             "Action": "sts:*"}]}"#,
    );
    let none = Context::new();
    let alice = TrustPrincipal::User("arn:aws:iam::000000000000:user/alice");
    let ci = TrustPrincipal::User("arn:aws:iam::000000000000:user/ci");
    let intern = TrustPrincipal::User("arn:aws:iam::000000000000:user/intern");
    let outsider = TrustPrincipal::User("arn:aws:iam::111111111111:user/alice");
    let root = TrustPrincipal::Account(ACCOUNT);
    let session = TrustPrincipal::RoleSession {
        role_arn: "arn:aws:iam::000000000000:role/deployer",
        session_arn: "arn:aws:sts::000000000000:assumed-role/deployer/run-7",
    };
    let grant = |p: &TrustPrincipal| trust_grant(&role, "sts:AssumeRole", p, &none);
    assert_eq!(
        grant(&alice),
        Ok(TrustGrant::Account),
        "needs an identity policy too"
    );
    assert_eq!(grant(&session), Ok(TrustGrant::Account));
    assert_eq!(grant(&root), Ok(TrustGrant::Account));
    assert_eq!(
        grant(&ci),
        Ok(TrustGrant::Named),
        "named: the trust policy suffices"
    );
    assert_eq!(grant(&intern), Err(Decision::ExplicitDeny));
    assert_eq!(grant(&outsider), Err(Decision::ImplicitDeny));
    assert_eq!(
        trusts(
            &role,
            &TrustPrincipal::Service("ecs-tasks.amazonaws.com"),
            &none
        ),
        Decision::ImplicitDeny
    );
    let names: Vec<&str> = role.aws_principals().collect();
    assert_eq!(
        names,
        [
            "arn:aws:iam::000000000000:root",
            "arn:aws:iam::000000000000:user/ci",
            "arn:aws:iam::000000000000:user/intern"
        ]
    );
}

#[test]
fn trust_by_account_id_and_principal_arn_condition() {
    let role = trust(
        r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow",
            "Principal": {"AWS": "000000000000"}, "Action": "sts:AssumeRole",
            "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::000000000000:role/ci-*"}}}}"#,
    );
    let ci_session = TrustPrincipal::RoleSession {
        role_arn: "arn:aws:iam::000000000000:role/ci-runner",
        session_arn: "arn:aws:sts::000000000000:assumed-role/ci-runner/job",
    };
    let ctx = Context::new().with(
        keys::PRINCIPAL_ARN,
        "arn:aws:iam::000000000000:role/ci-runner",
    );
    assert_eq!(trusts(&role, &ci_session, &ctx), Decision::Allow);
    let other = Context::new().with(keys::PRINCIPAL_ARN, "arn:aws:iam::000000000000:role/web");
    assert_eq!(trusts(&role, &ci_session, &other), Decision::ImplicitDeny);
}

#[test]
fn trust_with_not_principal_and_everyone() {
    let everyone_but_guest = trust(
        r#"{"Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"},
            {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::000000000000:root"},
             "Action": "sts:AssumeRole"}]}"#,
    );
    let none = Context::new();
    let inside = TrustPrincipal::Account(ACCOUNT);
    let guest = TrustPrincipal::User("arn:aws:iam::111111111111:user/guest");
    let service = TrustPrincipal::Service("ecs-tasks.amazonaws.com");
    assert_eq!(trusts(&everyone_but_guest, &inside, &none), Decision::Allow);
    assert_eq!(
        trusts(&everyone_but_guest, &guest, &none),
        Decision::ExplicitDeny
    );
    assert_eq!(
        trusts(&everyone_but_guest, &service, &none),
        Decision::ExplicitDeny
    );
}

#[test]
fn the_two_kinds_do_not_mix_at_evaluation() {
    let role = trust(ECS_TASKS_TRUST);
    let request_context = Context::new();
    assert_eq!(
        decide(&[&role], "sts:AssumeRole", "*", &request_context),
        Decision::ImplicitDeny,
        "trust statements never apply to identity requests"
    );
    let policy = statement(r#""Effect": "Allow", "Action": "*", "Resource": "*""#);
    let ecs_tasks = TrustPrincipal::Service("ecs-tasks.amazonaws.com");
    assert_eq!(
        trusts(&policy, &ecs_tasks, &request_context),
        Decision::ImplicitDeny
    );
}

#[test]
fn trust_policies_accept_sts_wildcards_and_any_sid() {
    let role = trust(
        r#"{"Statement": {"Sid": "ECS tasks (prod)", "Effect": "Allow",
            "Principal": {"Service": ["ecs-tasks.amazonaws.com"]}, "Action": "sts:Assume*"}}"#,
    );
    let ecs_tasks = TrustPrincipal::Service("ecs-tasks.amazonaws.com");
    assert_eq!(trusts(&role, &ecs_tasks, &Context::new()), Decision::Allow);
}
