//! A small cluster of separate processes, as a user runs it: `berth server` over TLS,
//! `berth join-token create`, and several `berth agent`s (fake runtime, and Docker when
//! available), all driven through the `berth` binary and checked with `aws-sdk-ecs`
//! trusting only the server's CA.
//!
//! Covered: the CA and `DIR/env` (`AWS_CA_BUNDLE`); agents joining with a token that
//! pins the CA; a task RUNNING on the Docker agent; a `kill -9` of the server and its
//! restart, after which agents reconnect and tasks stay RUNNING; an agent restarted
//! without a token; a one-time token refused the second time; a token whose CA hash does
//! not match refused by the agent.
//!
//! The tests need `target/debug/berth` (`cargo build -p berth`; `scripts/test.sh` builds
//! it before the tests). Every process is killed, and every container removed, on drop.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use aws_sdk_ecs::types::ContainerInstance;
use berth_testkit::fixtures::{register, shell_container};
use berth_testkit::{docker_available, docker_inspect, wait_for, DockerCleanup};

const TIMEOUT: Duration = Duration::from_secs(60);
/// Short, so that a test sees an agent that failed to reconnect shown disconnected.
const AGENT_TTL_SECS: u64 = 3;

/// The `berth` binary next to the test binaries' workspace.
fn berth_bin() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let bin = target.join("debug").join("berth");
    assert!(
        bin.exists(),
        "{} does not exist: build it first with `cargo build -p berth` (scripts/test.sh does)",
        bin.display()
    );
    bin
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// A child process whose output goes to a log file; killed on drop, and its log printed
/// if the test is failing.
struct Proc {
    name: String,
    child: Child,
    log: PathBuf,
}

impl Proc {
    fn spawn(name: &str, logs: &Path, args: &[&str]) -> Self {
        let log = logs.join(format!("{name}.log"));
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .expect("opening a log file");
        let child = Command::new(berth_bin())
            .args(args)
            .env("BERTH_LOG", "info")
            .stdin(Stdio::null())
            .stdout(file.try_clone().expect("a log file handle"))
            .stderr(file)
            .spawn()
            .unwrap_or_else(|e| panic!("starting {name}: {e}"));
        Self {
            name: name.to_owned(),
            child,
            log,
        }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGKILL, as `kill -9`.
    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Waits for the process to exit on its own.
    async fn exited(&mut self) -> ExitStatus {
        let what = format!("{} to exit", self.name);
        let child = &mut self.child;
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = child.try_wait().expect("polling a child") {
                return status;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Asserts that the process is still running.
    fn assert_running(&mut self) {
        if let Some(status) = self.child.try_wait().expect("polling a child") {
            panic!("{} exited ({status}):\n{}", self.name, self.log());
        }
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.kill();
        if std::thread::panicking() {
            let log = self.log();
            let tail: Vec<&str> = log.lines().rev().take(40).collect();
            eprintln!("--- last lines of {} ---", self.name);
            for line in tail.iter().rev() {
                eprintln!("{line}");
            }
        }
    }
}

/// A `berth server` process over TLS and what its `DIR/env` says.
struct ServerProc {
    proc: Proc,
    data_dir: PathBuf,
    port: u16,
    logs: PathBuf,
}

impl ServerProc {
    async fn start(root: &Path) -> Self {
        let data_dir = root.join("server");
        let port = free_port();
        let proc = Self::spawn(root, &data_dir, port);
        let server = Self {
            proc,
            data_dir,
            port,
            logs: root.to_path_buf(),
        };
        server.wait_ready().await;
        server
    }

    fn spawn(logs: &Path, data_dir: &Path, port: u16) -> Proc {
        let listen = format!("127.0.0.1:{port}");
        let ttl = AGENT_TTL_SECS.to_string();
        let dir = data_dir.display().to_string();
        Proc::spawn(
            "server",
            logs,
            &[
                "server",
                "--listen",
                &listen,
                "--data-dir",
                &dir,
                "--agent-ttl-secs",
                &ttl,
            ],
        )
    }

    /// `kill -9`, then a start on the same data directory and address.
    async fn crash_and_restart(&mut self) {
        self.proc.kill();
        self.proc = Self::spawn(&self.logs, &self.data_dir, self.port);
        self.wait_ready().await;
    }

    /// Waits until the server answers `/healthz` over TLS with its CA.
    async fn wait_ready(&self) {
        let env_path = self.data_dir.join("env");
        wait_for("the server's env file", TIMEOUT, || async {
            std::fs::read_to_string(&env_path)
                .ok()
                .filter(|e| e.contains("AWS_CA_BUNDLE"))
        })
        .await;
        let http = berth_agent::client::pinned_client(&self.ca_pem())
            .expect("a client trusting the CA")
            .build()
            .expect("an HTTPS client");
        let url = format!("{}/healthz", self.endpoint());
        wait_for("the server to answer over TLS", TIMEOUT, || {
            let http = http.clone();
            let url = url.clone();
            async move {
                let ok = http.get(&url).send().await.ok()?.status().is_success();
                ok.then_some(())
            }
        })
        .await;
    }

    fn env(&self) -> std::collections::HashMap<String, String> {
        let contents =
            std::fs::read_to_string(self.data_dir.join("env")).expect("reading the env file");
        contents
            .lines()
            .filter_map(|line| {
                let (name, value) = line.strip_prefix("export ")?.split_once('=')?;
                Some((name.to_owned(), value.trim_matches('\'').to_owned()))
            })
            .collect()
    }

    fn endpoint(&self) -> String {
        format!("https://127.0.0.1:{}", self.port)
    }

    fn ca_pem(&self) -> String {
        std::fs::read_to_string(self.data_dir.join("ca.pem")).expect("reading ca.pem")
    }

    /// An `aws-sdk-ecs` client configured from `DIR/env`, trusting only `AWS_CA_BUNDLE`.
    fn client(&self) -> aws_sdk_ecs::Client {
        use aws_smithy_http_client::tls;
        let env = self.env();
        let var = |name: &str| {
            env.get(name)
                .cloned()
                .unwrap_or_else(|| panic!("the env file does not set {name}"))
        };
        let ca = std::fs::read(var("AWS_CA_BUNDLE")).expect("reading AWS_CA_BUNDLE");
        let trust = tls::TrustStore::empty().with_pem_certificate(ca);
        let http = aws_smithy_http_client::Builder::new()
            .tls_provider(tls::Provider::Rustls(
                tls::rustls_provider::CryptoMode::AwsLc,
            ))
            .tls_context(
                tls::TlsContext::builder()
                    .with_trust_store(trust)
                    .build()
                    .expect("a TLS context"),
            )
            .build_https();
        let credentials = aws_credential_types::Credentials::new(
            var("AWS_ACCESS_KEY_ID"),
            var("AWS_SECRET_ACCESS_KEY"),
            None,
            None,
            "berth-env-file",
        );
        let config = aws_sdk_ecs::Config::builder()
            .behavior_version(aws_sdk_ecs::config::BehaviorVersion::latest())
            .region(aws_sdk_ecs::config::Region::new(var("AWS_REGION")))
            .credentials_provider(credentials)
            .endpoint_url(var("AWS_ENDPOINT_URL_ECS"))
            .http_client(http)
            .build();
        aws_sdk_ecs::Client::from_conf(config)
    }

    /// `berth join-token create`: the token is the last line of its output.
    fn join_token(&self, reusable: bool) -> String {
        let dir = self.data_dir.display().to_string();
        let mut args = vec![
            "join-token",
            "create",
            "--cluster",
            "default",
            "--data-dir",
            &dir,
        ];
        if reusable {
            args.push("--reusable");
        }
        let out = Command::new(berth_bin())
            .args(&args)
            .output()
            .expect("running berth join-token create");
        assert!(
            out.status.success(),
            "berth join-token create failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        let token = stdout.lines().last().unwrap_or_default().trim().to_owned();
        let fingerprint =
            berth_agent::client::ca_fingerprint(&self.ca_pem()).expect("the CA's fingerprint");
        assert!(
            token.starts_with(&format!("K10{fingerprint}::")),
            "the token {token:?} must pin the CA {fingerprint}"
        );
        token
    }

    fn agent(&self, name: &str, runtime: &str, zone: &str, token: Option<&str>) -> Proc {
        let data_dir = self.logs.join(name).display().to_string();
        let attribute = format!("zone={zone}");
        let endpoint = self.endpoint();
        let mut args = vec![
            "agent",
            "--server",
            &endpoint,
            "--cluster",
            "default",
            "--runtime",
            runtime,
            "--attribute",
            &attribute,
            "--heartbeat-secs",
            "1",
            "--data-dir",
            &data_dir,
        ];
        if let Some(token) = token {
            args.extend(["--token", token]);
        }
        Proc::spawn(name, &self.logs, &args)
    }
}

/// Waits for at least `n` container instances, all connected, and returns them.
async fn connected_instances(client: &aws_sdk_ecs::Client, n: usize) -> Vec<ContainerInstance> {
    wait_for(
        &format!("{n} connected container instances"),
        TIMEOUT,
        || async {
            let arns = client
                .list_container_instances()
                .send()
                .await
                .ok()?
                .container_instance_arns()
                .to_vec();
            if arns.len() < n {
                return None;
            }
            let out = client
                .describe_container_instances()
                .set_container_instances(Some(arns))
                .send()
                .await
                .ok()?;
            let instances = out.container_instances().to_vec();
            instances
                .iter()
                .all(|i| i.agent_connected())
                .then_some(instances)
        },
    )
    .await
}

fn zone_of(instance: &ContainerInstance) -> Option<&str> {
    instance
        .attributes()
        .iter()
        .find(|a| a.name() == "zone")
        .and_then(|a| a.value())
}

fn instance_in<'a>(instances: &'a [ContainerInstance], zone: &str) -> &'a str {
    instances
        .iter()
        .find(|i| zone_of(i) == Some(zone))
        .and_then(|i| i.container_instance_arn())
        .unwrap_or_else(|| panic!("no instance in zone {zone}: {instances:?}"))
}

/// StartTask of one task on one instance; returns its ARN.
async fn start_on(client: &aws_sdk_ecs::Client, task_definition: &str, instance: &str) -> String {
    let out = client
        .start_task()
        .task_definition(task_definition)
        .container_instances(instance)
        .send()
        .await
        .unwrap_or_else(|e| panic!("StartTask: {e:?}"));
    assert!(
        out.failures().is_empty(),
        "StartTask failures: {:?}",
        out.failures()
    );
    out.tasks()[0].task_arn().expect("a task ARN").to_owned()
}

async fn wait_running(client: &aws_sdk_ecs::Client, task_arn: &str) {
    wait_for(
        &format!("task {task_arn} to be RUNNING"),
        TIMEOUT,
        || async {
            let out = client.describe_tasks().tasks(task_arn).send().await.ok()?;
            (out.tasks().first()?.last_status() == Some("RUNNING")).then_some(())
        },
    )
    .await
}

async fn last_status(client: &aws_sdk_ecs::Client, task_arn: &str) -> String {
    let out = client
        .describe_tasks()
        .tasks(task_arn)
        .send()
        .await
        .unwrap_or_else(|e| panic!("DescribeTasks: {e:?}"));
    out.tasks()[0].last_status().unwrap_or_default().to_owned()
}

fn container_id(task: &aws_sdk_ecs::types::Task) -> String {
    task.containers()[0]
        .runtime_id()
        .expect("a runtime ID")
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn agents_join_over_tls_and_survive_a_server_crash() {
    berth_testkit::init_logging();
    let docker = docker_available();
    let root = tempfile::tempdir().expect("a temporary directory");
    let mut server = ServerProc::start(root.path()).await;

    // Key files are the owner's only; the env file points the SDKs at the CA.
    let env = server.env();
    assert_eq!(env["AWS_ENDPOINT_URL_ECS"], server.endpoint());
    assert_eq!(
        Path::new(&env["AWS_CA_BUNDLE"]),
        server.data_dir.join("ca.pem").as_path()
    );
    for key in ["ca-key.pem", "server-key.pem"] {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(server.data_dir.join(key))
            .expect("a key file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{key}");
    }
    let ca_before = server.ca_pem();

    let client = server.client();
    let token = server.join_token(true);
    let mut agents = vec![
        server.agent("agent-a", "fake", "a", Some(&token)),
        server.agent("agent-b", "fake", "b", Some(&token)),
    ];
    if docker {
        agents.push(server.agent("agent-docker", "docker", "docker", Some(&token)));
    }
    let instances = connected_instances(&client, agents.len()).await;
    assert_eq!(instances.len(), agents.len(), "{instances:?}");
    let mut zones: Vec<_> = instances.iter().filter_map(zone_of).collect();
    zones.sort();
    assert!(zones.starts_with(&["a", "b"]), "{zones:?}");
    for name in ["agent-a", "agent-b"] {
        let stored = std::fs::read_to_string(root.path().join(name).join("ca.pem"))
            .expect("the agent stores the CA");
        assert_eq!(stored, ca_before);
    }

    let cleanup = DockerCleanup::new(if docker {
        vec![instance_in(&instances, "docker").to_owned()]
    } else {
        Vec::new()
    });
    // Rebound after the guard, so that agents are killed before it removes containers.
    let mut agents = agents;
    let family = register(
        &client,
        "multiprocess",
        vec![shell_container("main", 32, "sleep 3600").build()],
    )
    .await;
    let fake_task = start_on(&client, &family, instance_in(&instances, "a")).await;
    wait_running(&client, &fake_task).await;
    let docker_task = if docker {
        let arn =
            cleanup.track(&start_on(&client, &family, instance_in(&instances, "docker")).await);
        wait_running(&client, &arn).await;
        let task = client
            .describe_tasks()
            .tasks(&arn)
            .send()
            .await
            .expect("DescribeTasks");
        let id = container_id(&task.tasks()[0]);
        let state = docker_inspect(&id).expect("the task's container exists");
        assert_eq!(state["State"]["Running"], true, "{state}");
        Some((arn, id))
    } else {
        None
    };

    server.crash_and_restart().await;
    assert_eq!(server.ca_pem(), ca_before, "a restart keeps the CA");
    let client = server.client();

    // The agents come back through TLS with their stored credentials: new work reaches
    // each of them.
    let instances = connected_instances(&client, agents.len()).await;
    let after_b = start_on(&client, &family, instance_in(&instances, "b")).await;
    wait_running(&client, &after_b).await;
    if docker {
        let arn =
            cleanup.track(&start_on(&client, &family, instance_in(&instances, "docker")).await);
        wait_running(&client, &arn).await;
    }
    // For two agent TTLs, every instance stays connected and the old tasks RUNNING.
    let until = Instant::now() + Duration::from_secs(2 * AGENT_TTL_SECS);
    while Instant::now() < until {
        let out = client
            .describe_container_instances()
            .set_container_instances(Some(
                instances
                    .iter()
                    .filter_map(|i| i.container_instance_arn().map(str::to_owned))
                    .collect(),
            ))
            .send()
            .await
            .expect("DescribeContainerInstances");
        for instance in out.container_instances() {
            assert!(instance.agent_connected(), "disconnected: {instance:?}");
        }
        assert_eq!(last_status(&client, &fake_task).await, "RUNNING");
        if let Some((arn, _)) = &docker_task {
            assert_eq!(last_status(&client, arn).await, "RUNNING");
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    if let Some((_, id)) = &docker_task {
        let state = docker_inspect(id).expect("the container survived the server crash");
        assert_eq!(state["State"]["Running"], true, "{state}");
        assert_eq!(state["RestartCount"], 0, "{state}");
    }
    for agent in &mut agents {
        agent.assert_running();
    }
    drop(agents);
    drop(cleanup);
}

#[tokio::test(flavor = "multi_thread")]
async fn join_tokens_are_one_time_and_pin_the_ca() {
    berth_testkit::init_logging();
    let root = tempfile::tempdir().expect("a temporary directory");
    let server = ServerProc::start(root.path()).await;
    let client = server.client();

    let token = server.join_token(false);
    let mut first = server.agent("agent-first", "fake", "a", Some(&token));
    connected_instances(&client, 1).await;

    // The same one-time token again: the server refuses it, and the agent exits.
    let mut second = server.agent("agent-second", "fake", "b", Some(&token));
    let status = second.exited().await;
    assert!(!status.success(), "a reused one-time token must be refused");
    assert!(
        second.log().contains("not valid or was already used"),
        "{}",
        second.log()
    );

    // A valid secret with another CA's hash: the agent refuses the server.
    let fresh = server.join_token(false);
    let secret = fresh.split_once("::").expect("K10<hash>::<secret>").1;
    let forged = format!("K10{}::{secret}", "0".repeat(64));
    let mut pinned = server.agent("agent-pinned", "fake", "c", Some(&forged));
    let status = pinned.exited().await;
    assert!(!status.success(), "a token for another CA must be refused");
    assert!(
        pinned.log().contains("refusing to trust this server"),
        "{}",
        pinned.log()
    );
    assert!(!root.path().join("agent-pinned").join("ca.pem").exists());
    let arns = client
        .list_container_instances()
        .send()
        .await
        .expect("ListContainerInstances");
    assert_eq!(arns.container_instance_arns().len(), 1, "{arns:?}");

    // Restarted without a token, the first agent uses its stored credential and CA.
    first.kill();
    let mut first = server.agent("agent-first", "fake", "a", None);
    let instance = arns.container_instance_arns()[0].clone();
    let family = register(
        &client,
        "multiprocess-tokens",
        vec![shell_container("main", 32, "sleep 3600").build()],
    )
    .await;
    let task = start_on(&client, &family, &instance).await;
    wait_running(&client, &task).await;
    first.assert_running();
}
