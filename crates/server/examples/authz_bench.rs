//! Policy evaluation benchmark: how many authorizations per second one core decides with a
//! realistic 20-statement identity policy (mixed actions, ARN resources with wildcards and
//! policy variables, conditions of most operator families, Allows and Denies), and how
//! long `Policy::parse` of that document takes.
//!
//! Requests: one allowed (it passes every Deny first), one explicitly denied, one
//! implicitly denied (no Allow matches, so every statement is tried), and one allowed
//! through an ARN pattern with a `*` inside the region field (the dynamic-programming
//! matcher). The baseline, measured in the same run, is the smallest policy there is:
//! one statement allowing `*` on `*`.
//!
//! Run: `cargo run -p berth-server --release --example authz_bench`

use std::hint::black_box;
use std::time::{Duration, Instant};

use berth_server::authz::{evaluate, Context, Decision, Policy, PolicyKind, Request};

const POLICY: &str = r#"{
  "Version": "2012-10-17",
  "Id": "developer-dev-cluster",
  "Statement": [
    {"Sid": "Read", "Effect": "Allow", "Action": ["ecs:Describe*", "ecs:List*"], "Resource": "*"},
    {"Sid": "RunWeb", "Effect": "Allow", "Action": ["ecs:RunTask", "ecs:StartTask"],
     "Resource": "arn:aws:ecs:us-east-1:000000000000:task-definition/web:*",
     "Condition": {"ArnEquals": {"ecs:cluster": "arn:aws:ecs:us-east-1:000000000000:cluster/dev"}}},
    {"Sid": "DevTasks", "Effect": "Allow", "Action": ["ecs:StopTask", "ecs:DescribeTasks"],
     "Resource": "arn:aws:ecs:us-east-1:000000000000:task/dev/*"},
    {"Sid": "DevServices", "Effect": "Allow",
     "Action": ["ecs:CreateService", "ecs:UpdateService", "ecs:DeleteService"],
     "Resource": "arn:aws:ecs:us-east-1:000000000000:service/dev/*",
     "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}},
    {"Sid": "Register", "Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": "*",
     "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}}},
    {"Sid": "Tag", "Effect": "Allow", "Action": "ecs:TagResource", "Resource": "*",
     "Condition": {"StringLike": {"aws:RequestTag/team": ["web-*", "db-*"]}}},
    {"Sid": "OwnLogs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
     "Resource": "arn:aws:logs:*:*:log-group:/ecs/${aws:username}/*"},
    {"Sid": "DevParameters", "Effect": "Allow", "Action": "ssm:GetParameter*",
     "Resource": "arn:aws:ssm:us-*-1:000000000000:parameter/dev/*"},
    {"Sid": "DevSecrets", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
     "Resource": "arn:aws:secretsmanager:us-east-1:000000000000:secret:dev/*",
     "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
    {"Sid": "PassTaskRoles", "Effect": "Allow", "Action": "iam:PassRole",
     "Resource": "arn:aws:iam::000000000000:role/ecs-task-*",
     "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}},
    {"Sid": "Self", "Effect": "Allow", "Action": ["iam:GetUser", "iam:ListAccessKeys"],
     "Resource": "arn:aws:iam::000000000000:user/${aws:username}"},
    {"Sid": "WhoAmI", "Effect": "Allow", "Action": "sts:GetCallerIdentity", "Resource": "*"},
    {"Sid": "LoadBalancers", "Effect": "Allow", "Action": "elasticloadbalancing:Describe*", "Resource": "*"},
    {"Sid": "Exec", "Effect": "Allow", "Action": "ecs:ExecuteCommand",
     "Resource": "arn:aws:ecs:us-east-1:000000000000:cluster/dev",
     "Condition": {"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}},
    {"Sid": "Drain", "Effect": "Allow", "Action": "ecs:UpdateContainerInstancesState",
     "Resource": "arn:aws:ecs:us-east-1:000000000000:container-instance/dev/*",
     "Condition": {"NumericLessThanEquals": {"aws:MultiFactorAuthAge": "3600"}}},
    {"Sid": "NeverDeleteClusters", "Effect": "Deny", "Action": "ecs:DeleteCluster", "Resource": "*"},
    {"Sid": "OnlyFromTheOffice", "Effect": "Deny", "Action": "*", "Resource": "*",
     "Condition": {"NotIpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.168.0.0/16"]}}},
    {"Sid": "HandsOffProd", "Effect": "Deny", "Action": "ecs:*",
     "Resource": ["arn:aws:ecs:*:*:cluster/prod", "arn:aws:ecs:*:*:task/prod/*",
                  "arn:aws:ecs:*:*:service/prod/*"]},
    {"Sid": "OnlyTheseServices", "Effect": "Deny",
     "NotAction": ["ecs:*", "logs:*", "ssm:*", "secretsmanager:*", "iam:*", "sts:*",
                   "elasticloadbalancing:*"],
     "Resource": "*"},
    {"Sid": "AdminsWriteParameters", "Effect": "Deny",
     "Action": ["ssm:PutParameter", "ssm:DeleteParameter*"], "Resource": "*",
     "Condition": {"StringNotEquals": {"aws:PrincipalTag/role": "admin"}}}
  ]
}"#;

/// How long each rate is measured for.
const MEASURE: Duration = Duration::from_secs(2);
const PARSES: usize = 20_000;

struct Case {
    name: &'static str,
    action: &'static str,
    resource: &'static str,
    expected: Decision,
}

const CASES: &[Case] = &[
    Case {
        name: "allowed (StopTask on a dev task)",
        action: "ecs:StopTask",
        resource: "arn:aws:ecs:us-east-1:000000000000:task/dev/4f1c2e",
        expected: Decision::Allow,
    },
    Case {
        name: "explicit deny (StopTask on a prod task)",
        action: "ecs:StopTask",
        resource: "arn:aws:ecs:us-east-1:000000000000:task/prod/9a8b7c",
        expected: Decision::ExplicitDeny,
    },
    Case {
        name: "implicit deny (RunTask of an unlisted family)",
        action: "ecs:RunTask",
        resource: "arn:aws:ecs:us-east-1:000000000000:task-definition/api:7",
        expected: Decision::ImplicitDeny,
    },
    Case {
        name: "allowed via a segmented ARN (ssm:GetParameter)",
        action: "ssm:GetParameter",
        resource: "arn:aws:ssm:us-east-1:000000000000:parameter/dev/db-url",
        expected: Decision::Allow,
    },
];

/// Calls `decide` for `MEASURE` and returns decisions per second.
fn rate(mut decide: impl FnMut() -> Decision) -> f64 {
    let start = Instant::now();
    let mut done: u64 = 0;
    while start.elapsed() < MEASURE {
        for _ in 0..1_000 {
            black_box(decide());
        }
        done += 1_000;
    }
    done as f64 / start.elapsed().as_secs_f64()
}

fn main() {
    let parse_start = Instant::now();
    for _ in 0..PARSES {
        black_box(Policy::parse(black_box(POLICY), PolicyKind::Identity).expect("valid policy"));
    }
    let parse_time = parse_start.elapsed() / PARSES as u32;
    let policy = Policy::parse(POLICY, PolicyKind::Identity).expect("valid policy");
    let baseline = Policy::parse(
        r#"{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#,
        PolicyKind::Identity,
    )
    .expect("valid policy");

    let mut context = Context::new()
        .with("aws:username", "alice")
        .with("aws:userid", "AIDABERTHALICE000001")
        .with("aws:PrincipalArn", "arn:aws:iam::000000000000:user/alice")
        .with("aws:PrincipalAccount", "000000000000")
        .with("aws:PrincipalType", "User")
        .with("aws:SourceIp", "10.20.30.40")
        .with("aws:SecureTransport", "true")
        .with("aws:CurrentTime", "2026-11-28T12:00:00Z")
        .with("aws:EpochTime", "1795867200")
        .with("aws:RequestedRegion", "us-east-1")
        .with(
            "ecs:cluster",
            "arn:aws:ecs:us-east-1:000000000000:cluster/dev",
        );
    context.set("aws:TagKeys", Vec::<String>::new());

    println!(
        "authz_bench: {}-statement policy, {} characters ({} counted by IAM)",
        policy.statement_count(),
        POLICY.len(),
        policy.size()
    );
    println!(
        "Policy::parse: {:.1} µs per document ({PARSES} parses)",
        parse_time.as_secs_f64() * 1e6
    );

    let base_request = Request {
        action: CASES[0].action,
        resource: CASES[0].resource,
        context: &context,
    };
    let base_rate = rate(|| evaluate(&[&baseline], black_box(&base_request)));
    println!(
        "baseline (1 statement, Allow * on *): {:>12.0} authorizations/s",
        base_rate
    );
    for case in CASES {
        let request = Request {
            action: case.action,
            resource: case.resource,
            context: &context,
        };
        let got = evaluate(&[&policy], &request);
        assert_eq!(got, case.expected, "{}", case.name);
        let per_second = rate(|| evaluate(&[&policy], black_box(&request)));
        println!(
            "{:<48} {:>12.0} authorizations/s ({:.2} µs each, {:.1}× the baseline's time)",
            case.name,
            per_second,
            1e6 / per_second,
            base_rate / per_second
        );
    }
}
