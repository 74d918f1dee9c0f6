//! The stock aws CLIs and `berth logs` against berth's CloudWatch Logs API:
//!
//! - CLI v2 (`/usr/bin/aws`, which predates `AWS_ENDPOINT_URL_<SERVICE>`, so it gets
//!   `--endpoint-url`): `aws logs tail --follow` shows lines as they are written, each
//!   once, including a line that arrives late with an older timestamp;
//! - CLI v1 (`aws` on PATH), pointed at berth only by `AWS_ENDPOINT_URL_CLOUDWATCH_LOGS`
//!   as `DIR/env` sets it: `get-log-events`, `filter-log-events`, `describe-log-groups`;
//! - `berth logs --task` (and `--follow`) on a Docker task's awslogs stream.
//!
//! The `berth logs` test needs `target/debug/berth` (or `BERTH_BIN`).

mod logs_support;
mod multihost_support;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_sdk_cloudwatchlogs::types::InputLogEvent;
use aws_sdk_ecs::types::{LogConfiguration, LogDriver};
use berth_testkit::fixtures::{register, run_one, shell_container};
use berth_testkit::{docker_available, wait_for, DockerCleanup, TestCluster};
use logs_support::{logs_client, stream_messages};
use tokio::io::AsyncBufReadExt;

const CLI_TIMEOUT: Duration = Duration::from_secs(60);

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_millis() as i64
}

/// The environment a user gets from `DIR/env` (and nothing from `~/.aws`).
fn env_file_vars(cluster: &TestCluster, home: &Path) -> Vec<(String, String)> {
    let credentials = &cluster.server.credentials;
    vec![
        (
            "AWS_ACCESS_KEY_ID".into(),
            credentials.access_key_id.clone(),
        ),
        (
            "AWS_SECRET_ACCESS_KEY".into(),
            credentials.secret_access_key.clone(),
        ),
        ("AWS_REGION".into(), "us-east-1".into()),
        ("AWS_DEFAULT_REGION".into(), "us-east-1".into()),
        ("AWS_ENDPOINT_URL_ECS".into(), cluster.endpoint()),
        (
            "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS".into(),
            cluster.endpoint(),
        ),
        ("HOME".into(), home.display().to_string()),
        (
            "AWS_CONFIG_FILE".into(),
            home.join("config").display().to_string(),
        ),
        (
            "AWS_SHARED_CREDENTIALS_FILE".into(),
            home.join("credentials").display().to_string(),
        ),
        ("AWS_PAGER".into(), String::new()),
    ]
}

async fn put(logs: &aws_sdk_cloudwatchlogs::Client, stream: &str, timestamp: i64, text: &str) {
    logs.put_log_events()
        .log_group_name("/cli")
        .log_stream_name(stream)
        .log_events(
            InputLogEvent::builder()
                .timestamp(timestamp)
                .message(text)
                .build()
                .expect("an event"),
        )
        .send()
        .await
        .expect("PutLogEvents");
}

async fn cli_cluster() -> (TestCluster, aws_sdk_cloudwatchlogs::Client) {
    let cluster = TestCluster::start().await;
    let logs = logs_client(&cluster);
    logs.create_log_group()
        .log_group_name("/cli")
        .send()
        .await
        .expect("CreateLogGroup");
    for stream in ["web", "worker"] {
        logs.create_log_stream()
            .log_group_name("/cli")
            .log_stream_name(stream)
            .send()
            .await
            .expect("CreateLogStream");
    }
    (cluster, logs)
}

#[tokio::test(flavor = "multi_thread")]
async fn aws_cli_v2_logs_tail_follow_shows_lines_as_they_are_written() {
    let v2 = Path::new("/usr/bin/aws");
    if !v2.exists() {
        panic!("the aws CLI v2 is missing at /usr/bin/aws: apt-get install -y awscli");
    }
    let (cluster, logs) = cli_cluster().await;
    let home = tempfile::tempdir().expect("a home directory");
    let t0 = now_ms();
    put(&logs, "web", t0, "before tail started").await;

    let mut tail = tokio::process::Command::new(v2)
        .args([
            "logs",
            "tail",
            "/cli",
            "--follow",
            "--since",
            "10m",
            "--format",
            "short",
            "--endpoint-url",
            &cluster.endpoint(),
        ])
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        // A pipe makes Python buffer its output; tail must print as it goes.
        .env("PYTHONUNBUFFERED", "1")
        .envs(env_file_vars(&cluster, home.path()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("starting aws logs tail");
    let (lines_tx, mut lines_rx) = tokio::sync::mpsc::unbounded_channel();
    let stdout = tail.stdout.take().expect("tail's stdout");
    tokio::spawn(async move {
        let mut lines = tokio::io::BufReader::new(stdout).lines();
        while let Ok(Some(line)) = lines.next_line().await {
            if lines_tx.send(line).is_err() {
                return;
            }
        }
    });
    let mut seen: Vec<String> = Vec::new();
    let mut wait_for_line = async |text: &str| {
        let deadline = tokio::time::Instant::now() + CLI_TIMEOUT;
        while !seen.iter().any(|l| l.ends_with(text)) {
            match tokio::time::timeout_at(deadline, lines_rx.recv()).await {
                Ok(Some(line)) => seen.push(line),
                Ok(None) => panic!("aws logs tail exited; it printed {seen:?}"),
                Err(_) => {
                    panic!("aws logs tail did not print {text:?} in time; it printed {seen:?}")
                }
            }
        }
    };
    wait_for_line("before tail started").await;
    put(&logs, "web", now_ms(), "written while following").await;
    wait_for_line("written while following").await;
    // A line that arrives late, stamped before the newest line tail has shown (another
    // stream lagging): tail still shows it, once.
    put(&logs, "worker", t0 + 1, "late from the worker").await;
    put(&logs, "web", now_ms(), "after the late line").await;
    wait_for_line("after the late line").await;
    wait_for_line("late from the worker").await;
    let _ = tail.kill().await;
    while let Ok(line) = lines_rx.try_recv() {
        seen.push(line);
    }
    for text in [
        "before tail started",
        "written while following",
        "late from the worker",
        "after the late line",
    ] {
        assert_eq!(
            seen.iter().filter(|l| l.ends_with(text)).count(),
            1,
            "{text:?} once in {seen:?}"
        );
    }
}

/// Runs the aws CLI v1 (on PATH) with `args`, configured only by the env file's variables,
/// and returns its JSON output.
async fn aws_v1(cluster: &TestCluster, home: &Path, args: &[&str]) -> serde_json::Value {
    let out = tokio::process::Command::new("aws")
        .args(args)
        .envs(env_file_vars(cluster, home))
        .output()
        .await
        .expect("running aws (CLI v1: pip install awscli)");
    assert!(
        out.status.success(),
        "aws {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "aws {} printed no JSON ({e}): {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn aws_cli_v1_reads_logs_through_the_env_file_endpoint() {
    let (cluster, logs) = cli_cluster().await;
    let home = tempfile::tempdir().expect("a home directory");
    let t0 = now_ms() - 1000;
    for (i, text) in ["GET / 200", "ERROR upstream timeout", "GET /health 200"]
        .iter()
        .enumerate()
    {
        put(&logs, "web", t0 + i as i64, text).await;
    }
    let version = tokio::process::Command::new("aws")
        .arg("--version")
        .output()
        .await
        .expect("aws --version");
    let version = String::from_utf8_lossy(&version.stdout).to_string()
        + &String::from_utf8_lossy(&version.stderr);
    assert!(version.starts_with("aws-cli/1."), "{version}");

    let events = aws_v1(
        &cluster,
        home.path(),
        &[
            "logs",
            "get-log-events",
            "--log-group-name",
            "/cli",
            "--log-stream-name",
            "web",
            "--start-from-head",
        ],
    )
    .await;
    let messages: Vec<&str> = events["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["message"].as_str())
        .collect();
    assert_eq!(
        messages,
        ["GET / 200", "ERROR upstream timeout", "GET /health 200"]
    );
    assert!(events["nextForwardToken"].as_str().is_some());

    let filtered = aws_v1(
        &cluster,
        home.path(),
        &[
            "logs",
            "filter-log-events",
            "--log-group-name",
            "/cli",
            "--filter-pattern",
            "ERROR",
        ],
    )
    .await;
    let found: Vec<&str> = filtered["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["message"].as_str())
        .collect();
    assert_eq!(found, ["ERROR upstream timeout"]);

    let groups = aws_v1(&cluster, home.path(), &["logs", "describe-log-groups"]).await;
    assert_eq!(groups["logGroups"][0]["logGroupName"], "/cli");
}

/// Writes `DIR/env` for the test cluster, as `berth dev` writes it.
fn write_env_file(cluster: &TestCluster, dir: &Path) {
    let credentials = &cluster.server.credentials;
    let endpoint = cluster.endpoint();
    std::fs::write(
        dir.join("env"),
        format!(
            "export AWS_ACCESS_KEY_ID={}\nexport AWS_SECRET_ACCESS_KEY={}\nexport AWS_REGION=us-east-1\n\
             export AWS_ENDPOINT_URL_ECS={endpoint}\nexport AWS_ENDPOINT_URL_CLOUDWATCH_LOGS={endpoint}\n",
            credentials.access_key_id, credentials.secret_access_key
        ),
    )
    .expect("writing the env file");
}

async fn berth_logs(dir: &Path, args: &[&str]) -> String {
    let out = tokio::process::Command::new(multihost_support::berth_bin())
        .arg("logs")
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .output()
        .await
        .expect("running berth logs");
    assert!(
        out.status.success(),
        "berth logs {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[tokio::test(flavor = "multi_thread")]
async fn berth_logs_prints_and_follows_a_tasks_lines() {
    if !docker_available() {
        return;
    }
    let cluster = TestCluster::with_docker_agent().await;
    let cleanup = DockerCleanup::new(cluster.wait_for_instances(1).await);
    let dir = tempfile::tempdir().expect("a data directory");
    write_env_file(&cluster, dir.path());
    let logs = logs_client(&cluster);
    let config = LogConfiguration::builder()
        .log_driver(LogDriver::Awslogs)
        .options("awslogs-group", "/ecs/berth-logs")
        .options("awslogs-region", "us-east-1")
        .options("awslogs-stream-prefix", "cli")
        .options("awslogs-create-group", "true")
        .build()
        .expect("a log configuration");
    // A task that writes a line every 0.1 s for about three seconds, then exits.
    let writer = shell_container(
        "writer",
        64,
        "i=0; while [ $i -lt 30 ]; do echo \"step $i\"; i=$((i+1)); sleep 0.1; done",
    )
    .log_configuration(config)
    .build();
    let quiet = shell_container("quiet", 64, "sleep 60")
        .essential(false)
        .build();
    let definition = register(&cluster.client, "berth-logs", vec![writer, quiet]).await;
    let task = run_one(&cluster.client, &definition).await;
    let arn = cleanup.track(task.task_arn().expect("a task ARN"));
    let expected: String = (0..30).map(|i| format!("step {i}\n")).collect();

    // Followed from its start, the task's lines come out once each, and the command ends
    // after the task stopped.
    let followed = tokio::time::timeout(
        CLI_TIMEOUT,
        berth_logs(dir.path(), &["--task", &arn, "--follow"]),
    )
    .await
    .expect("berth logs --follow ends when the task stops");
    assert_eq!(followed, expected);

    // Read afterwards, by ID, for the one container.
    let stream = format!("cli/writer/{}", arn.rsplit('/').next().unwrap_or_default());
    wait_for("every line stored", CLI_TIMEOUT, || async {
        (stream_messages(&logs, "/ecs/berth-logs", &stream)
            .await
            .len()
            == 30)
            .then_some(())
    })
    .await;
    let id = arn.rsplit('/').next().expect("a task ID");
    let printed = berth_logs(dir.path(), &["--task", id, "--container", "writer"]).await;
    assert_eq!(printed, expected);

    // A container without awslogs is named in the refusal.
    let out = tokio::process::Command::new(multihost_support::berth_bin())
        .args(["logs", "--task", &arn, "--container", "quiet", "--data-dir"])
        .arg(dir.path())
        .output()
        .await
        .expect("running berth logs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("quiet") && stderr.contains("awslogs"),
        "{stderr}"
    );
}
