//! Endpoint coverage: every action in `berth_server::dispatch::OPERATIONS` (ECS) and
//! `berth_server::apis::logs::LOGS_OPERATIONS` (CloudWatch Logs) must be called by some
//! integration test in this directory, either through the SDK (`.run_task()`) or as a raw
//! request target (`"…RunTask"`), so that an operation added to a table without a test
//! fails CI. A CloudWatch Logs action counts only in a file that uses that API's SDK, so
//! ECS's `.tag_resource()` does not cover Logs' TagResource.

use std::path::{Path, PathBuf};

use berth_server::apis::logs::LOGS_OPERATIONS;
use berth_server::dispatch::OPERATIONS;

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

/// Whether some source calls `action`: an SDK call `.snake_name()` or a quoted target
/// ending in the action name. Mentions in prose do not count.
fn exercised(action: &str, sources: &[(PathBuf, String)]) -> bool {
    let sdk_call = format!(".{}()", snake_case(action));
    let bare_target = format!("\"{action}\"");
    let full_target = format!(".{action}\"");
    sources.iter().any(|(_, text)| {
        text.contains(&sdk_call) || text.contains(&bare_target) || text.contains(&full_target)
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
    assert!(!OPERATIONS.is_empty());
    let missing: Vec<&str> = OPERATIONS
        .iter()
        .copied()
        .filter(|op| !exercised(op, &sources))
        .collect();
    assert!(
        missing.is_empty(),
        "these operations have no integration test in {}: {missing:?}; add one (an SDK call such as \
         `.{}()` counts)",
        dir.display(),
        missing.first().map(|op| snake_case(op)).unwrap_or_default()
    );
}

#[test]
fn every_logs_operation_has_an_integration_test() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let sources: Vec<_> = test_sources(&dir)
        .into_iter()
        .filter(|(_, text)| {
            text.contains("aws_sdk_cloudwatchlogs") || text.contains("Logs_20140328")
        })
        .collect();
    assert!(
        !sources.is_empty(),
        "no CloudWatch Logs tests in {}",
        dir.display()
    );
    let missing: Vec<&str> = LOGS_OPERATIONS
        .iter()
        .copied()
        .filter(|op| !exercised(op, &sources))
        .collect();
    assert!(
        missing.is_empty(),
        "these CloudWatch Logs operations have no integration test: {missing:?}"
    );
    assert_eq!(
        LOGS_OPERATIONS,
        berth_api::logs::OPERATIONS,
        "every generated operation is served"
    );
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
    assert!(exercised("StopTask", &sources));
    assert!(exercised("ListTasks", &sources));
    assert!(
        !exercised("RunTask", &sources),
        "prose mentions do not count"
    );
    assert!(!exercised("FrobnicateWidget", &sources));
}
