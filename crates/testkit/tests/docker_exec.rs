//! ECS Exec with real Docker containers, a real server and agent, and real clients:
//! `berth exec` (the binary) returns a command's output and exit code; the stock aws CLI
//! v2's `ecs execute-command` accepts ExecuteCommand's answer and hands the session to the
//! plugin, here a stand-in built on npm's `ssm-session` (a third-party implementation of the
//! Session Manager data channel: `exec_support/session-manager-plugin.js`), which runs two
//! commands in an interactive shell; and the refusals: a task without
//! `enableExecuteCommand` (ECS's message), a token used twice, a caller whose policies do
//! not allow `ecs:ExecuteCommand` on the task and its cluster.
//!
//! Needs Docker, `target/debug/berth` (`cargo build -p berth`), node with `ssm-session`
//! and `ws` (`scripts/install-deps.sh` installs them under /opt/berth-test-node) and
//! `/usr/bin/aws` (CLI v2).

mod common;
mod multihost_support;

use std::process::{Command, Stdio};
use std::time::Duration;

use berth_api::ssm_channel::{message_type, AgentMessage, OpenDataChannel};
use berth_testkit::fixtures::{describe, register, shell_container};
use berth_testkit::{docker_available, wait_for, DockerCleanup, TestCluster};
use futures::{SinkExt, StreamExt};
use tokio_tungstenite::tungstenite::Message;

const TIMEOUT: Duration = Duration::from_secs(60);
/// Where `scripts/install-deps.sh` installs the npm packages the plugin stand-in uses.
const NODE_MODULES: &str = "/opt/berth-test-node/node_modules";

/// Runs a task of a one-container (`app`, `sleep`) definition, with exec enabled or not,
/// and waits until it runs (and, with exec, until its ExecuteCommandAgent runs).
async fn running_task(cluster: &TestCluster, cleanup: &DockerCleanup, exec: bool) -> String {
    let family = if exec { "exec-on" } else { "exec-off" };
    let definition = register(
        &cluster.client,
        family,
        vec![shell_container("app", 32, "sleep 1000").build()],
    )
    .await;
    let out = cluster
        .client
        .run_task()
        .task_definition(definition)
        .enable_execute_command(exec)
        .send()
        .await
        .expect("RunTask");
    let arn = cleanup.track(out.tasks()[0].task_arn().expect("a task ARN"));
    assert_eq!(out.tasks()[0].enable_execute_command(), exec);
    wait_for("the task to run with its exec agent", TIMEOUT, || async {
        let task = describe(&cluster.client, &arn).await;
        let agent_running = task.containers()[0]
            .managed_agents()
            .iter()
            .any(|a| a.last_status() == Some("RUNNING"));
        (task.last_status() == Some("RUNNING") && agent_running == exec).then_some(())
    })
    .await;
    arn
}

/// A cluster with a Docker agent and the cleanup of its containers; `None` without Docker.
async fn docker_cluster() -> Option<(TestCluster, DockerCleanup)> {
    if !docker_available() {
        return None;
    }
    let cluster = TestCluster::with_docker_agent().await;
    let cleanup = DockerCleanup::new(cluster.wait_for_instances(1).await);
    Some((cluster, cleanup))
}

/// ExecuteCommand as the cluster's administrator.
async fn execute(
    cluster: &TestCluster,
    task: &str,
    command: &str,
    interactive: bool,
) -> aws_sdk_ecs::operation::execute_command::ExecuteCommandOutput {
    cluster
        .client
        .execute_command()
        .task(task)
        .command(command)
        .interactive(interactive)
        .send()
        .await
        .expect("ExecuteCommand")
}

/// `berth exec` against the cluster, with its credentials in the environment.
async fn berth_exec(cluster: &TestCluster, args: &[&str]) -> std::process::Output {
    let credentials = &cluster.server.credentials;
    let mut command = Command::new(multihost_support::berth_bin());
    command
        .arg("exec")
        .args(args)
        .env("AWS_ACCESS_KEY_ID", &credentials.access_key_id)
        .env("AWS_SECRET_ACCESS_KEY", &credentials.secret_access_key)
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ENDPOINT_URL_ECS", cluster.endpoint())
        .env("BERTH_LOG", "warn")
        .stdin(Stdio::null());
    tokio::task::spawn_blocking(move || command.output())
        .await
        .expect("joined")
        .expect("running berth exec")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn berth_exec_returns_the_output_and_the_exit_code() {
    let Some((cluster, cleanup)) = docker_cluster().await else {
        return;
    };
    let task = running_task(&cluster, &cleanup, true).await;
    let described = describe(&cluster.client, &task).await;
    assert!(described.enable_execute_command());
    let agent = &described.containers()[0].managed_agents()[0];
    assert_eq!(
        agent.name().map(|n| n.as_str()),
        Some("ExecuteCommandAgent")
    );
    assert!(agent.last_started_at().is_some());

    let out = berth_exec(
        &cluster,
        &[
            "--task",
            &task,
            "--",
            "sh",
            "-c",
            "echo hi; echo oops >&2; exit 3",
        ],
    )
    .await;
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hi\n");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("oops"),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(3), "{out:?}");

    // A zero exit, by the task's ID, naming the container.
    let id = task.rsplit('/').next().expect("an ID");
    let out = berth_exec(
        &cluster,
        &[
            "--task",
            id,
            "--container",
            "app",
            "--",
            "cat",
            "/etc/hostname",
        ],
    )
    .await;
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(!out.stdout.is_empty());

    // A command that does not exist fails with the runtime's reason, not an exit code 0.
    let out = berth_exec(&cluster, &["--task", id, "--", "no-such-command"]).await;
    assert_ne!(out.status.code(), Some(0), "{out:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exec_is_refused_without_enable_execute_command_and_a_token_opens_once() {
    let Some((cluster, cleanup)) = docker_cluster().await else {
        return;
    };
    let plain = running_task(&cluster, &cleanup, false).await;
    let err = cluster
        .client
        .execute_command()
        .task(&plain)
        .command("sh")
        .interactive(true)
        .send()
        .await
        .expect_err("a task without exec");
    let service = err.into_service_error();
    assert!(service.is_invalid_parameter_exception(), "{service:?}");
    assert!(
        service
            .to_string()
            .contains("execute command was not enabled when the task was run"),
        "{service}"
    );

    let task = running_task(&cluster, &cleanup, true).await;
    let session = execute(&cluster, &task, "sleep 30", false).await;
    assert_eq!(session.container_name(), Some("app"));
    assert_eq!(session.task_arn(), Some(task.as_str()));
    assert!(!session.interactive());
    let session = session.session().expect("a session").clone();
    let url = session.stream_url().expect("a stream URL");
    let token = session.token_value().expect("a token");

    // The first use opens the session: the server answers with stream data.
    let mut first = open(url, token).await;
    let frame = tokio::time::timeout(TIMEOUT, first.next())
        .await
        .expect("an answer")
        .expect("a message")
        .expect("a frame");
    let Message::Binary(frame) = frame else {
        panic!("expected a data channel message, got {frame:?}");
    };
    let message = AgentMessage::decode(&frame).expect("a valid message");
    assert_eq!(message.message_type, message_type::OUTPUT_STREAM_DATA);

    // The second use of the same token is refused with a close frame that says why.
    let mut second = open(url, token).await;
    let reason = wait_for_close(&mut second).await;
    assert!(reason.contains("already used"), "{reason}");
    drop(first);

    // A made-up token for a live session is refused too.
    let other = execute(&cluster, &task, "true", false).await;
    let other = other.session().expect("a session");
    let mut forged = open(other.stream_url().expect("a URL"), "not-the-token").await;
    let reason = wait_for_close(&mut forged).await;
    assert!(reason.contains("not valid"), "{reason}");

    // SSM ResumeSession gives an unopened session a new token (the old one no longer
    // opens it); TerminateSession ends an open session, and the client is told.
    let ssm: aws_sdk_ssm::Client = common::ssm(&cluster);
    let fresh = execute(&cluster, &task, "sleep 30", false).await;
    let fresh = fresh.session().expect("a session");
    let id = fresh.session_id().expect("an id");
    let resumed = ssm
        .resume_session()
        .session_id(id)
        .send()
        .await
        .expect("ResumeSession");
    let new_token = resumed.token_value().expect("a token");
    assert_ne!(new_token, fresh.token_value().expect("the first token"));
    let mut stale = open(
        fresh.stream_url().expect("a URL"),
        fresh.token_value().expect("token"),
    )
    .await;
    assert!(wait_for_close(&mut stale).await.contains("not valid"));
    let mut live = open(resumed.stream_url().expect("a URL"), new_token).await;
    let frame = tokio::time::timeout(TIMEOUT, live.next())
        .await
        .expect("an answer");
    assert!(matches!(frame, Some(Ok(Message::Binary(_)))), "{frame:?}");
    ssm.terminate_session()
        .session_id(id)
        .send()
        .await
        .expect("TerminateSession");
    let closed = loop {
        match tokio::time::timeout(TIMEOUT, live.next())
            .await
            .expect("an answer")
        {
            Some(Ok(Message::Binary(frame))) => {
                let message = AgentMessage::decode(&frame).expect("a valid message");
                if message.message_type == message_type::CHANNEL_CLOSED {
                    break message;
                }
            }
            Some(Ok(_)) => {}
            other => panic!("the session ended without channel_closed: {other:?}"),
        }
    };
    assert!(String::from_utf8_lossy(&closed.payload).contains("terminated"));
    let err = ssm
        .resume_session()
        .session_id("ecs-execute-command-00000000000000000")
        .send()
        .await
        .expect_err("an unknown session");
    assert_eq!(
        err.into_service_error().meta().code(),
        Some("DoesNotExistException")
    );
}

async fn open(url: &str, token: &str) -> berth_agent::websocket::Socket {
    let mut socket = berth_agent::websocket::connect(url, &[], None)
        .await
        .expect("opening the stream");
    let open = OpenDataChannel {
        message_schema_version: "1.0".into(),
        request_id: uuid::Uuid::new_v4().to_string(),
        token_value: token.to_owned(),
        client_id: None,
        client_version: Some("1.2.0.0".into()),
    };
    socket
        .send(Message::Text(
            serde_json::to_string(&open).expect("JSON").into(),
        ))
        .await
        .expect("sending OpenDataChannel");
    socket
}

async fn wait_for_close(socket: &mut berth_agent::websocket::Socket) -> String {
    loop {
        match tokio::time::timeout(TIMEOUT, socket.next()).await {
            Ok(Some(Ok(Message::Close(frame)))) => {
                return frame.map(|f| f.reason.to_string()).unwrap_or_default()
            }
            Ok(Some(Ok(_))) => continue,
            other => panic!("expected a close frame, got {other:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_a_caller_allowed_execute_command_on_the_task_and_cluster_opens_a_session() {
    let Some((cluster, cleanup)) = docker_cluster().await else {
        return;
    };
    let task = running_task(&cluster, &cleanup, true).await;
    let cluster_arn = "arn:aws:ecs:us-east-1:000000000000:cluster/default";
    let tasks = "arn:aws:ecs:us-east-1:000000000000:task/default/*";
    common::create_role(
        &cluster,
        "exec-allowed",
        common::allow(&["ecs:ExecuteCommand"], &[cluster_arn, tasks]),
    )
    .await;
    common::create_role(
        &cluster,
        "exec-other-cluster",
        common::allow(
            &["ecs:ExecuteCommand"],
            &[
                "arn:aws:ecs:us-east-1:000000000000:cluster/other",
                "arn:aws:ecs:us-east-1:000000000000:task/other/*",
            ],
        ),
    )
    .await;
    common::create_role(
        &cluster,
        "describe-only",
        common::allow(&["ecs:DescribeTasks"], &["*"]),
    )
    .await;
    let as_role = |name: &str| {
        let config = aws_sdk_ecs::Config::builder()
            .behavior_version(aws_sdk_ecs::config::BehaviorVersion::latest())
            .region(aws_sdk_ecs::config::Region::new("us-east-1"))
            .credentials_provider(common::role_session(&cluster, name))
            .endpoint_url(cluster.endpoint())
            .build();
        aws_sdk_ecs::Client::from_conf(config)
    };
    for denied in ["exec-other-cluster", "describe-only"] {
        let err = as_role(denied)
            .execute_command()
            .task(&task)
            .command("true")
            .interactive(true)
            .send()
            .await
            .expect_err("a caller not allowed ExecuteCommand here");
        let service = err.into_service_error();
        assert!(
            service.is_access_denied_exception(),
            "{denied}: {service:?}"
        );
        assert!(
            service.to_string().contains("ecs:ExecuteCommand"),
            "{service}"
        );
    }
    let allowed = as_role("exec-allowed")
        .execute_command()
        .task(&task)
        .command("true")
        .interactive(true)
        .send()
        .await
        .expect("ExecuteCommand allowed on the task and its cluster");
    assert!(allowed.session().and_then(|s| s.token_value()).is_some());
}

/// The stock aws CLI v2 calls ExecuteCommand and hands its answer to the plugin, which
/// runs two commands in an interactive shell through the npm `ssm-session` client.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn aws_ecs_execute_command_runs_a_shell_through_a_third_party_client() {
    if !docker_available() {
        return;
    }
    let required = std::env::var_os("BERTH_REQUIRE_DOCKER").is_some();
    let node_ready = Command::new("node")
        .args(["-e", "require('ssm-session'); require('ws')"])
        .env("NODE_PATH", NODE_MODULES)
        .status()
        .is_ok_and(|s| s.success());
    if !node_ready || !std::path::Path::new("/usr/bin/aws").exists() {
        assert!(
            !required,
            "node with ssm-session and ws under {NODE_MODULES}, and /usr/bin/aws, are needed: run scripts/install-deps.sh"
        );
        eprintln!("skipping: node's ssm-session or the aws CLI v2 is missing");
        return;
    }
    let Some((cluster, cleanup)) = docker_cluster().await else {
        return;
    };
    let task = running_task(&cluster, &cleanup, true).await;

    let plugin_dir = tempfile::tempdir().expect("a directory");
    let plugin = plugin_dir.path().join("session-manager-plugin");
    std::os::unix::fs::symlink(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/exec_support/session-manager-plugin.js"),
        &plugin,
    )
    .expect("linking the plugin stand-in");
    let args_file = plugin_dir.path().join("args.json");
    let path = format!(
        "{}:{}",
        plugin_dir.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let credentials = &cluster.server.credentials;
    let mut child = Command::new("/usr/bin/aws")
        .args([
            "--endpoint-url",
            &cluster.endpoint(),
            "--region",
            "us-east-1",
        ])
        .args([
            "ecs",
            "execute-command",
            "--cluster",
            "default",
            "--task",
            &task,
        ])
        .args(["--container", "app", "--interactive", "--command", "sh"])
        .env("PATH", path)
        .env("NODE_PATH", NODE_MODULES)
        .env("BERTH_PLUGIN_ARGS", &args_file)
        .env("AWS_ACCESS_KEY_ID", &credentials.access_key_id)
        .env("AWS_SECRET_ACCESS_KEY", &credentials.secret_access_key)
        .env("AWS_CONFIG_FILE", "/dev/null")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
        .env_remove("AWS_PROFILE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running aws ecs execute-command");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        // `$((…))` makes each answer differ from the echoed command line.
        stdin
            .write_all(b"echo one-$((40+2))\necho two-$((6*7))$((1))\nexit\n")
            .expect("typing");
    }
    let out = tokio::task::spawn_blocking(move || child.wait_with_output())
        .await
        .expect("joined")
        .expect("the aws CLI ran");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(stdout.contains("one-42"), "{stdout}");
    assert!(stdout.contains("two-421"), "{stdout}");
    // The CLI gave the plugin ExecuteCommand's session as it gives AWS's.
    let args: Vec<String> =
        serde_json::from_slice(&std::fs::read(&args_file).expect("the plugin's arguments"))
            .expect("JSON");
    let session: serde_json::Value = serde_json::from_str(&args[0]).expect("the session JSON");
    assert!(session["sessionId"]
        .as_str()
        .is_some_and(|s| s.starts_with("ecs-execute-command-")));
    assert!(session["streamUrl"]
        .as_str()
        .is_some_and(|s| s.starts_with("ws://127.0.0.1:")));
    assert_eq!(args[2], "StartSession");
}
