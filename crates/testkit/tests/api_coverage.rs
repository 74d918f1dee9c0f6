//! Endpoint coverage: every action of every API berth serves (ECS's
//! `berth_server::dispatch::OPERATIONS`, SSM's, Secrets Manager's, CloudWatch Logs', IAM's,
//! STS's, ELBv2's and EC2's tables) must be called by some integration test in this directory, either through the
//! SDK (`.run_task()`), as a raw request target (`"…RunTask"`) or as a Query body's
//! `Action=CreateListener&`, so that an operation added to a table without a test fails
//! CI. An SDK call counts for an API other than ECS only in a file that uses that API's SDK
//! (several APIs share action names such as TagResource).

use std::path::{Path, PathBuf};

use berth_server::apis::ec2::EC2_OPERATIONS;
use berth_server::apis::elbv2::ELBV2_OPERATIONS;
use berth_server::apis::logs::LOGS_OPERATIONS;
use berth_server::apis::secretsmanager::SECRETS_MANAGER_OPERATIONS;
use berth_server::apis::ssm::SSM_OPERATIONS;
use berth_server::apis::{iam::IAM_OPERATIONS, sts::STS_OPERATIONS};
use berth_server::dispatch::OPERATIONS;

/// Each API's operations, and what a file calling them through the SDK must also mention.
const APIS: &[(&str, &[&str], &str)] = &[
    ("ECS", OPERATIONS, ""),
    ("SSM", SSM_OPERATIONS, "aws_sdk_ssm"),
    (
        "Secrets Manager",
        SECRETS_MANAGER_OPERATIONS,
        "aws_sdk_secretsmanager",
    ),
    ("IAM", IAM_OPERATIONS, "aws_sdk_iam"),
    ("STS", STS_OPERATIONS, "aws_sdk_sts"),
    ("ELBv2", ELBV2_OPERATIONS, "aws_sdk_elasticloadbalancingv2"),
    ("CloudWatch Logs", LOGS_OPERATIONS, "aws_sdk_cloudwatchlogs"),
    ("EC2", EC2_OPERATIONS, "aws_sdk_ec2"),
];

/// `DescribeContainerInstances` → `describe_container_instances`, the SDK method name.
fn snake_case(action: &str) -> String {
    let mut out = String::new();
    for (i, c) in action.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Every `.rs` file under `dir` (recursively) except this one.
fn test_sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in
            std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("api_coverage.rs")
            {
                let text = std::fs::read_to_string(&path).expect("reading a test file");
                files.push((path, text));
            }
        }
    }
    files
}

/// Whether some source calls `action`: an SDK call `.snake_name()` (in a file that
/// mentions `sdk`), a quoted target ending in the action name, or a Query body's
/// `Action=Name&`. Mentions in prose do not count.
fn exercised(action: &str, sdk: &str, sources: &[(PathBuf, String)]) -> bool {
    let sdk_call = format!(".{}()", snake_case(action));
    let bare_target = format!("\"{action}\"");
    let full_target = format!(".{action}\"");
    let query_action = format!("Action={action}&");
    sources.iter().any(|(_, text)| {
        (text.contains(&sdk_call) && text.contains(sdk))
            || text.contains(&bare_target)
            || text.contains(&full_target)
            || text.contains(&query_action)
    })
}

#[test]
fn every_operation_has_an_integration_test() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let sources = test_sources(&dir);
    assert!(
        sources.len() > 1,
        "no test sources found in {}",
        dir.display()
    );
    for (api, operations, sdk) in APIS {
        assert!(!operations.is_empty(), "{api} has no operations");
        let missing: Vec<&str> = operations
            .iter()
            .copied()
            .filter(|op| !exercised(op, sdk, &sources))
            .collect();
        assert!(
            missing.is_empty(),
            "these {api} operations have no integration test in {}: {missing:?}; add one (an \
             SDK call such as `.{}()` counts)",
            dir.display(),
            missing.first().map(|op| snake_case(op)).unwrap_or_default()
        );
    }
}

#[test]
fn iam_and_sts_serve_every_operation_their_wire_types_have() {
    assert_eq!(IAM_OPERATIONS, berth_api::iam::OPERATIONS);
    assert_eq!(STS_OPERATIONS, berth_api::sts::OPERATIONS);
}

#[test]
fn logs_serves_every_operation_its_wire_types_have() {
    assert_eq!(LOGS_OPERATIONS, berth_api::logs::OPERATIONS);
}

#[test]
fn the_check_itself_can_fail() {
    assert_eq!(
        snake_case("DescribeContainerInstances"),
        "describe_container_instances"
    );
    assert_eq!(snake_case("ListTagsForResource"), "list_tags_for_resource");
    let sources = vec![(
        PathBuf::from("example.rs"),
        "// RunTask is mentioned in prose only\nclient.stop_task().send();\nraw(\"Prefix.ListTasks\");".to_owned(),
    )];
    assert!(exercised("StopTask", "", &sources));
    assert!(exercised("ListTasks", "", &sources));
    let query = vec![(
        PathBuf::from("query.rs"),
        "call(\"Action=CreateRule&Version=2015-12-01\")".to_owned(),
    )];
    assert!(exercised("CreateRule", "", &query));
    assert!(!exercised("DeleteRule", "", &query));
    assert!(
        !exercised("RunTask", "", &sources),
        "prose mentions do not count"
    );
    assert!(!exercised("FrobnicateWidget", "", &sources));
    assert!(
        !exercised("StopTask", "aws_sdk_ssm", &sources),
        "an SDK call counts only in a file using that API's SDK"
    );
}
