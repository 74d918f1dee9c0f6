//! End-to-end tests of the agent's task metadata endpoint (v4 and v3) and container
//! credentials endpoint, read the way a task reads them: from inside its real Docker
//! containers (`docker exec … wget -qO- $ECS_CONTAINER_METADATA_URI_V4/task`), and with the
//! AWS SDK for Rust's ECS credential provider configured only by the variables a
//! container is given.
//!
//! Covered: the variables every container gets; the container, task, `taskWithTags`,
//! stats and task stats documents; a container of another task refused (on the same
//! dockerd and across the two dockerds of the host); a task's own credentials read from
//! its container, refused to other tasks' containers and to the host for a bridge task,
//! and absent for a task without a role; a host-mode task's credentials loaded by
//! `aws-config`'s `EcsCredentialsProvider`; the same URIs answering again after the agent
//! restarts; and ECS's own `169.254.170.2:80` with `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`
//! (the `task-endpoint-port-80` nextest group runs those one at a time).
//!
//! End to end, the server assumes the task's IAM role and the credentials the endpoint
//! serves sign STS calls to berth as the role's session for the task. The other
//! credentials tests use a control plane that wraps the real server's client and mints
//! recognisable credentials per task, so that they check exactly what reaches whom.

mod iam_support;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use aws_credential_types::provider::ProvideCredentials;
use aws_sdk_ecs::types::{NetworkMode, Tag, Task};
use berth_agent::{AgentConfig, ClientError, ContainerRuntime, ControlPlane, HttpControlPlane};
use berth_api::protocol::{
    DesiredState, RegisterRequest, RegisterResponse, ReportRequest, ReportResponse,
    TaskCredentials, TaskTags,
};
use berth_testkit::fixtures::{awsvpc, describe, free_cidr, runtime_id, shell_container};
use berth_testkit::{
    docker_available, task_endpoint_any_port, wait_for, AgentKind, DockerCleanup, Options,
    TestCluster,
};
use serde_json::Value;
use tokio_util::sync::CancellationToken;

const TIMEOUT: Duration = Duration::from_secs(60);
const SECOND_DOCKER_SOCK: &str = "/var/run/berth-docker2.sock";
const ROLE: &str = "arn:aws:iam::000000000000:role/metadata-test";

/// Runs `script` with `sh -c` in container `id` (on the second dockerd with `second`),
/// returning its stdout, or its stderr as the error when it fails.
fn exec(id: &str, second: bool, script: &str) -> Result<String, String> {
    let mut command = Command::new("docker");
    if second {
        command.env("DOCKER_HOST", format!("unix://{SECOND_DOCKER_SOCK}"));
    }
    let out = command
        .args(["exec", id, "sh", "-c", script])
        .output()
        .expect("running docker exec");
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
    }
}

/// `wget -qO- URL` inside the container, parsed as JSON.
fn fetch_json(id: &str, second: bool, url: &str) -> Value {
    let body = exec(id, second, &format!("wget -qO- '{url}'"))
        .unwrap_or_else(|e| panic!("GET {url} from {id}: {e}"));
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {url}: {e}: {body}"))
}

/// The container's environment as Docker holds it.
fn env_of(id: &str, second: bool) -> BTreeMap<String, String> {
    exec(id, second, "env")
        .expect("env")
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

async fn run_task(
    cluster: &TestCluster,
    family: &str,
    instance: &str,
    tags: &[(&str, &str)],
) -> Task {
    let out = cluster
        .client
        .start_task()
        .task_definition(family)
        .container_instances(instance)
        .set_tags(Some(
            tags.iter()
                .map(|(k, v)| Tag::builder().key(*k).value(*v).build())
                .collect(),
        ))
        .send()
        .await
        .unwrap_or_else(|e| panic!("starting {family}: {e:?}"));
    assert!(out.failures().is_empty(), "{:?}", out.failures());
    let arn = out.tasks()[0].task_arn().expect("a task ARN").to_owned();
    cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await
}

/// A cluster whose own Docker agent serves the endpoint on a free port; its one
/// instance; a guard that removes the instance's containers.
async fn docker_cluster() -> (TestCluster, String, DockerCleanup) {
    let cluster = TestCluster::with(Options {
        agent: AgentKind::Docker,
        ..Options::default()
    })
    .await;
    let instances = cluster.wait_for_instances(1).await;
    let instance = instances[0].clone();
    (cluster, instance, DockerCleanup::new(instances))
}

/// Registers `family`: one long-running busybox container `app` with a role (or not), in
/// `mode`.
async fn register_sleeper(
    cluster: &TestCluster,
    family: &str,
    mode: NetworkMode,
    role: Option<&str>,
) {
    cluster
        .client
        .register_task_definition()
        .family(family)
        .network_mode(mode)
        .set_task_role_arn(role.map(str::to_owned))
        .container_definitions(shell_container("app", 32, "exec sleep 3600").build())
        .send()
        .await
        .unwrap_or_else(|e| panic!("registering {family}: {e:?}"));
}

/// A control plane that is the real server for everything but role credentials, which
/// it mints itself: `ASIA` and the task ID as the access key, so each task's are known.
struct MintingControlPlane {
    server: HttpControlPlane,
}

fn minted_key(task_arn: &str) -> String {
    let id = task_arn.rsplit('/').next().unwrap_or(task_arn);
    format!("ASIA{}", id.to_uppercase())
}

#[async_trait::async_trait]
impl ControlPlane for MintingControlPlane {
    async fn register(
        &self,
        join_token: &str,
        req: &RegisterRequest,
    ) -> Result<RegisterResponse, ClientError> {
        self.server.register(join_token, req).await
    }

    async fn desired(
        &self,
        credential: &str,
        after: u64,
        wait: Duration,
    ) -> Result<DesiredState, ClientError> {
        self.server.desired(credential, after, wait).await
    }

    async fn report(
        &self,
        credential: &str,
        req: &ReportRequest,
    ) -> Result<ReportResponse, ClientError> {
        self.server.report(credential, req).await
    }

    async fn task_tags(&self, credential: &str, task_arn: &str) -> Result<TaskTags, ClientError> {
        self.server.task_tags(credential, task_arn).await
    }

    async fn task_credentials(
        &self,
        _credential: &str,
        task_arn: &str,
    ) -> Result<TaskCredentials, ClientError> {
        let now = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .expect("after 1970")
            .as_secs();
        Ok(TaskCredentials {
            role_arn: ROLE.into(),
            access_key_id: minted_key(task_arn),
            secret_access_key: format!("secret-{task_arn}"),
            session_token: format!("token-{task_arn}"),
            expiration: i64::try_from(now).expect("fits") + 3600,
        })
    }
}

/// An agent started beside a cluster without one: its own runtime, data directory,
/// task endpoint address and control plane. Stops when dropped (containers stay).
struct Agent {
    cancel: CancellationToken,
    handle: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    instance_arn: String,
}

impl Agent {
    async fn start(
        cluster: &TestCluster,
        runtime: Arc<dyn ContainerRuntime>,
        data_dir: &Path,
        task_endpoint: SocketAddr,
    ) -> Self {
        let token = cluster
            .server
            .app
            .create_join_token("default", true)
            .await
            .expect("a join token");
        let config = AgentConfig {
            join_token: Some(token),
            heartbeat_interval: Duration::from_secs(1),
            task_endpoint: Some(task_endpoint),
            ..AgentConfig::new(cluster.endpoint(), "default", data_dir)
        };
        let control = Arc::new(MintingControlPlane {
            server: HttpControlPlane::new(&cluster.endpoint()).expect("a client"),
        });
        let cancel = CancellationToken::new();
        let handle = tokio::spawn(berth_agent::run(config, runtime, control, cancel.clone()));
        let ledger = berth_agent::Ledger::open(data_dir).expect("the agent's ledger");
        let instance_arn = wait_for("the agent to register", TIMEOUT, || {
            let identity = ledger.load_identity().ok().flatten();
            async move { identity.map(|i| i.container_instance_arn) }
        })
        .await;
        Self {
            cancel,
            handle: Some(handle),
            instance_arn,
        }
    }

    async fn stop(&mut self) {
        self.cancel.cancel();
        if let Some(handle) = self.handle.take() {
            let _ = handle.await;
        }
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}

/// Removes the containers of these instances from the second dockerd on drop.
struct SecondDockerCleanup(Vec<String>);

impl Drop for SecondDockerCleanup {
    fn drop(&mut self) {
        for arn in &self.0 {
            let listed = Command::new("docker")
                .env("DOCKER_HOST", format!("unix://{SECOND_DOCKER_SOCK}"))
                .args([
                    "ps",
                    "-aq",
                    "--filter",
                    &format!("label=com.berth.container-instance-arn={arn}"),
                ])
                .output();
            if let Ok(out) = listed {
                for id in String::from_utf8_lossy(&out.stdout).split_whitespace() {
                    let _ = Command::new("docker")
                        .env("DOCKER_HOST", format!("unix://{SECOND_DOCKER_SOCK}"))
                        .args(["rm", "-f", id])
                        .output();
                }
            }
        }
    }
}

fn second_docker_available() -> bool {
    let present = Path::new(SECOND_DOCKER_SOCK).exists();
    assert!(
        present || std::env::var_os("BERTH_REQUIRE_DOCKER").is_none(),
        "BERTH_REQUIRE_DOCKER is set but {SECOND_DOCKER_SOCK} does not exist: start the \
         second dockerd with scripts/second-dockerd.sh"
    );
    present
}

fn names(task: &Value) -> Vec<&str> {
    let mut names: Vec<&str> = task["Containers"]
        .as_array()
        .expect("Containers")
        .iter()
        .map(|c| c["Name"].as_str().expect("a Name"))
        .collect();
    names.sort_unstable();
    names
}

/// From inside a container: every variable, and the container, task, `taskWithTags`,
/// stats and task stats documents of v4 (and v3), with ECS's keys and this task's
/// values; another task's container is refused the first task's documents.
#[tokio::test(flavor = "multi_thread")]
async fn metadata_endpoint_v4_and_v3_serve_a_task_to_its_own_containers() {
    if !docker_available() {
        return;
    }
    let (cluster, instance, cleanup) = docker_cluster().await;
    cluster
        .client
        .tag_resource()
        .resource_arn(&instance)
        .tags(Tag::builder().key("rack").value("r1").build())
        .send()
        .await
        .expect("tagging the instance");
    cluster
        .client
        .register_task_definition()
        .family("meta")
        .cpu("256")
        .memory("256")
        .container_definitions(
            shell_container("app", 64, "exec sleep 3600")
                .cpu(128)
                .build(),
        )
        .container_definitions(shell_container("side", 32, "exec sleep 3600").build())
        .send()
        .await
        .expect("registering meta");
    let task = run_task(&cluster, "meta", &instance, &[("team", "a")]).await;
    let arn = cleanup.track(task.task_arn().expect("an ARN"));
    let (app, side) = (runtime_id(&task, "app"), runtime_id(&task, "side"));

    let env = env_of(&app, false);
    let v4 = env["ECS_CONTAINER_METADATA_URI_V4"].clone();
    let v3 = env["ECS_CONTAINER_METADATA_URI"].clone();
    assert!(
        v4.starts_with("http://169.254.170.2:") && v4.contains("/v4/"),
        "{v4}"
    );
    assert!(
        v3.starts_with("http://169.254.170.2:") && v3.contains("/v3/"),
        "{v3}"
    );
    assert_eq!(env["AWS_EXECUTION_ENV"], "AWS_ECS_EC2");
    assert_eq!(env["AWS_REGION"], "us-east-1");
    assert_eq!(env["AWS_DEFAULT_REGION"], "us-east-1");
    assert!(
        !env.keys()
            .any(|k| k.starts_with("AWS_CONTAINER_CREDENTIALS")),
        "a task without a role has no credentials variable: {env:?}"
    );
    let side_v4 = env_of(&side, false)["ECS_CONTAINER_METADATA_URI_V4"].clone();
    assert_ne!(side_v4, v4, "each container has its own URI");

    let document = fetch_json(&app, false, &format!("{v4}/task"));
    assert_eq!(document["TaskARN"], arn.as_str());
    assert_eq!(document["Family"], "meta");
    assert_eq!(document["Revision"], "1");
    assert_eq!(
        document["Cluster"],
        "arn:aws:ecs:us-east-1:000000000000:cluster/default"
    );
    assert_eq!(document["DesiredStatus"], "RUNNING");
    assert_eq!(document["KnownStatus"], "RUNNING");
    assert_eq!(document["LaunchType"], "EC2");
    assert_eq!(
        document["Limits"],
        serde_json::json!({"CPU": 0.25, "Memory": 256})
    );
    assert!(document["PullStartedAt"].is_null() || document["PullStartedAt"].is_string());
    assert_eq!(names(&document), ["app", "side"]);
    assert!(
        document.get("TaskTags").is_none(),
        "tags only in taskWithTags"
    );

    let container = fetch_json(&app, false, &v4);
    assert_eq!(container["Name"], "app");
    assert_eq!(container["DockerId"], app.as_str());
    assert_eq!(
        container["Limits"],
        serde_json::json!({"CPU": 128, "Memory": 64})
    );
    assert_eq!(container["Type"], "NORMAL");
    assert_eq!(container["KnownStatus"], "RUNNING");
    assert_eq!(container["Labels"]["com.berth.task-arn"], arn.as_str());
    let described = describe(&cluster.client, &arn).await;
    let app_arn = described
        .containers()
        .iter()
        .find(|c| c.name() == Some("app"))
        .and_then(|c| c.container_arn())
        .expect("the container's ARN");
    assert_eq!(container["ContainerARN"], app_arn);
    let inspected = berth_testkit::docker_inspect(&app).expect("the container");
    assert_eq!(
        container["DockerName"],
        inspected["Name"]
            .as_str()
            .expect("a name")
            .trim_start_matches('/')
    );
    assert_eq!(container["ImageID"], inspected["Image"]);
    let ip = inspected["NetworkSettings"]["IPAddress"]
        .as_str()
        .expect("an address");
    assert_eq!(
        container["Networks"],
        serde_json::json!([{"NetworkMode": "bridge", "IPv4Addresses": [ip]}])
    );
    assert!(container["CreatedAt"]
        .as_str()
        .is_some_and(|t| t.ends_with('Z')));
    assert!(container["StartedAt"]
        .as_str()
        .is_some_and(|t| t.ends_with('Z')));

    let tagged = fetch_json(&app, false, &format!("{v4}/taskWithTags"));
    assert_eq!(tagged["TaskTags"], serde_json::json!({"team": "a"}));
    assert_eq!(
        tagged["ContainerInstanceTags"],
        serde_json::json!({"rack": "r1"})
    );
    assert_eq!(tagged["TaskARN"], arn.as_str());

    let stats = fetch_json(&app, false, &format!("{v4}/stats"));
    assert_eq!(stats["id"], app.as_str());
    assert!(
        stats["memory_stats"].is_object() && stats["cpu_stats"].is_object(),
        "{stats}"
    );
    let task_stats = fetch_json(&side, false, &format!("{side_v4}/task/stats"));
    let mut ids: Vec<&String> = task_stats.as_object().expect("a map").keys().collect();
    ids.sort();
    let mut expected = vec![&app, &side];
    expected.sort();
    assert_eq!(ids, expected);
    assert!(task_stats[app.as_str()]["memory_stats"].is_object());

    let v3_task = fetch_json(&app, false, &format!("{v3}/task"));
    assert_eq!(v3_task["TaskARN"], arn.as_str());
    assert_eq!(names(&v3_task), ["app", "side"]);

    // Another task's container knows the URI (say it leaked) but is not of the task.
    register_sleeper(&cluster, "other", NetworkMode::Bridge, None).await;
    let other = run_task(&cluster, "other", &instance, &[]).await;
    cleanup.track(other.task_arn().expect("an ARN"));
    let intruder = runtime_id(&other, "app");
    for url in [
        v4.clone(),
        format!("{v4}/task"),
        format!("{v3}/task"),
        format!("{v4}/stats"),
    ] {
        let refused = exec(&intruder, false, &format!("wget -qO- '{url}'"))
            .expect_err("another task's container is refused");
        assert!(refused.contains("404"), "{url}: {refused}");
    }
    let unknown = v4.rsplit_once('/').expect("an ID").0.to_owned() + "/no-such-id/task";
    let refused = exec(&app, false, &format!("wget -qO- '{unknown}'")).expect_err("unknown");
    assert!(refused.contains("404"), "{refused}");
}

/// An awsvpc task of two containers (sharing its pause container's namespace) reads its
/// metadata from its own address, with the ENI in `Networks`; a bridge task's container
/// that knows the URI is refused, and so is the awsvpc task's container for a URI of
/// another task.
#[tokio::test(flavor = "multi_thread")]
async fn an_awsvpc_task_reads_its_metadata_from_its_own_address() {
    if !docker_available() {
        return;
    }
    let (cluster, instance, cleanup) = docker_cluster().await;
    let subnet = cluster
        .server
        .app
        .create_subnet(&free_cidr(), "metadata", 24)
        .await
        .expect("creating a subnet");
    cluster
        .client
        .register_task_definition()
        .family("meta-vpc")
        .network_mode(NetworkMode::Awsvpc)
        .container_definitions(shell_container("app", 32, "exec sleep 3600").build())
        .container_definitions(shell_container("side", 32, "exec sleep 3600").build())
        .send()
        .await
        .expect("registering meta-vpc");
    let out = cluster
        .client
        .start_task()
        .task_definition("meta-vpc")
        .container_instances(&instance)
        .network_configuration(awsvpc(&subnet.id, &[]))
        .send()
        .await
        .expect("StartTask");
    assert!(out.failures().is_empty(), "{:?}", out.failures());
    let arn = cleanup
        .track(out.tasks()[0].task_arn().expect("an ARN"))
        .to_owned();
    let task = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    let detail = |name: &str| {
        task.attachments()[0]
            .details()
            .iter()
            .find(|d| d.name() == Some(name))
            .and_then(|d| d.value())
            .unwrap_or_else(|| panic!("no {name} detail"))
            .to_owned()
    };
    let (address, mac) = (detail("privateIPv4Address"), detail("macAddress"));
    let (app, side) = (runtime_id(&task, "app"), runtime_id(&task, "side"));
    let v4 = env_of(&app, false)["ECS_CONTAINER_METADATA_URI_V4"].clone();

    let container = fetch_json(&app, false, &v4);
    let networks = &container["Networks"][0];
    assert_eq!(networks["NetworkMode"], "awsvpc");
    assert_eq!(networks["IPv4Addresses"], serde_json::json!([address]));
    assert_eq!(networks["MACAddress"], mac.as_str());
    assert_eq!(networks["IPv4SubnetCIDRBlock"], subnet.cidr.as_str());
    assert_eq!(
        networks["PrivateDNSName"],
        detail("privateDnsName").as_str()
    );
    assert!(
        networks["SubnetGatewayIpv4Address"]
            .as_str()
            .is_some_and(|g| g.ends_with("/24")),
        "{networks}"
    );
    // The other container of the task shares the address, so it reads the task too.
    let document = fetch_json(&side, false, &format!("{v4}/task"));
    assert_eq!(document["TaskARN"], arn.as_str());
    assert_eq!(names(&document), ["app", "side"]);

    // A bridge task's container that knows the URI is refused.
    register_sleeper(&cluster, "meta-bridge", NetworkMode::Bridge, None).await;
    let other = run_task(&cluster, "meta-bridge", &instance, &[]).await;
    cleanup.track(other.task_arn().expect("an ARN"));
    let intruder = runtime_id(&other, "app");
    let refused = exec(&intruder, false, &format!("wget -qO- '{v4}/task'"))
        .expect_err("another task's container is refused");
    assert!(refused.contains("404"), "{refused}");
    // And the awsvpc task may not read the bridge task's.
    let other_v4 = env_of(&intruder, false)["ECS_CONTAINER_METADATA_URI_V4"].clone();
    let refused = exec(&app, false, &format!("wget -qO- '{other_v4}/task'"))
        .expect_err("the awsvpc task is refused another task's URI");
    assert!(refused.contains("404"), "{refused}");

    cluster
        .client
        .stop_task()
        .task(&arn)
        .send()
        .await
        .expect("StopTask");
    cluster.wait_for_task_status(&arn, "STOPPED", TIMEOUT).await;
    drop(cleanup);
}

/// Credentials reach their own task only: read from its container, refused to other
/// tasks' containers on either dockerd and to the host for a bridge task, absent for a
/// task without a role; a host-mode task's are what `EcsCredentialsProvider` loads
/// from the variables the task's container has.
#[tokio::test(flavor = "multi_thread")]
async fn credentials_are_served_to_their_own_task_only() {
    if !docker_available() {
        return;
    }
    let second = second_docker_available();
    let cluster = TestCluster::start().await;
    let dir = tempfile::tempdir().expect("a directory");
    let first_runtime: Arc<dyn ContainerRuntime> =
        Arc::new(berth_agent::DockerRuntime::connect().await.expect("Docker"));
    let agent = Agent::start(
        &cluster,
        first_runtime,
        &dir.path().join("a"),
        task_endpoint_any_port(),
    )
    .await;
    let mut instances = vec![agent.instance_arn.clone()];
    let second_agent = if second {
        let runtime: Arc<dyn ContainerRuntime> = Arc::new(
            berth_agent::DockerRuntime::connect_unix(SECOND_DOCKER_SOCK)
                .await
                .expect("the second dockerd"),
        );
        let agent = Agent::start(
            &cluster,
            runtime,
            &dir.path().join("b"),
            task_endpoint_any_port(),
        )
        .await;
        instances.push(agent.instance_arn.clone());
        Some(agent)
    } else {
        None
    };
    let _cleanup = DockerCleanup::new(instances.clone());
    let _second_cleanup = SecondDockerCleanup(instances.clone());
    cluster.wait_for_instances(instances.len()).await;

    register_sleeper(&cluster, "with-role", NetworkMode::Bridge, Some(ROLE)).await;
    register_sleeper(&cluster, "no-role", NetworkMode::Bridge, None).await;
    register_sleeper(&cluster, "host-role", NetworkMode::Host, Some(ROLE)).await;
    let first = &agent.instance_arn;
    let a = run_task(&cluster, "with-role", first, &[]).await;
    let b = run_task(&cluster, "with-role", first, &[]).await;
    let c = run_task(&cluster, "no-role", first, &[]).await;
    let (a_id, b_id, c_id) = (
        runtime_id(&a, "app"),
        runtime_id(&b, "app"),
        runtime_id(&c, "app"),
    );
    let a_arn = a.task_arn().expect("an ARN");
    let uri_of =
        |id: &str, second: bool| env_of(id, second)["AWS_CONTAINER_CREDENTIALS_FULL_URI"].clone();
    let a_uri = uri_of(&a_id, false);
    assert!(
        a_uri.starts_with("http://169.254.170.2:") && a_uri.contains("/v2/credentials/"),
        "{a_uri}"
    );
    assert!(!env_of(&a_id, false).contains_key("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"));

    let served = fetch_json(&a_id, false, &a_uri);
    assert_eq!(served["RoleArn"], ROLE);
    assert_eq!(served["AccessKeyId"], minted_key(a_arn).as_str());
    assert_eq!(
        served["SecretAccessKey"],
        format!("secret-{a_arn}").as_str()
    );
    assert_eq!(served["Token"], format!("token-{a_arn}").as_str());
    let expiration = served["Expiration"].as_str().expect("an Expiration");
    assert!(
        time::OffsetDateTime::parse(expiration, &time::format_description::well_known::Rfc3339)
            .is_ok()
            && expiration.ends_with('Z'),
        "{expiration}"
    );
    let own = fetch_json(&b_id, false, &uri_of(&b_id, false));
    assert_eq!(
        own["AccessKeyId"],
        minted_key(b.task_arn().expect("an ARN")).as_str()
    );

    // B (same role, same dockerd) and C (no role) may not read A's.
    for intruder in [&b_id, &c_id] {
        let refused = exec(intruder, false, &format!("wget -qO- '{a_uri}'")).expect_err("refused");
        assert!(refused.contains("400"), "{refused}");
    }
    assert!(!env_of(&c_id, false)
        .keys()
        .any(|k| k.starts_with("AWS_CONTAINER_CREDENTIALS")));
    // The host is not a bridge task's container either.
    let from_host = reqwest::get(&a_uri).await.expect("the endpoint answers");
    assert_eq!(from_host.status(), 400);
    let body: Value = from_host.json().await.expect("JSON");
    assert_eq!(body["code"], "InvalidIdInRequest");
    assert_eq!(body["HTTPErrorCode"], 400);

    // A host-mode task: the SDK's provider, configured only by the container's variables.
    let d = run_task(&cluster, "host-role", first, &[]).await;
    let d_uri = uri_of(&runtime_id(&d, "app"), false);
    // Each nextest test is a process of its own, so the variable is this test's alone.
    std::env::set_var("AWS_CONTAINER_CREDENTIALS_FULL_URI", &d_uri);
    std::env::remove_var("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    let provider = aws_config::ecs::EcsCredentialsProvider::builder().build();
    let loaded = provider
        .provide_credentials()
        .await
        .expect("the SDK loads credentials");
    assert_eq!(
        loaded.access_key_id(),
        minted_key(d.task_arn().expect("an ARN"))
    );
    assert_eq!(
        loaded.session_token(),
        Some(format!("token-{}", d.task_arn().expect("an ARN")).as_str())
    );
    assert!(loaded.expiry().is_some());

    // A task on the other dockerd: its own credentials, and none across the two.
    if let Some(second_agent) = &second_agent {
        let e = run_task(&cluster, "with-role", &second_agent.instance_arn, &[]).await;
        let e_id = runtime_id(&e, "app");
        let e_uri = uri_of(&e_id, true);
        let own = fetch_json(&e_id, true, &e_uri);
        assert_eq!(
            own["AccessKeyId"],
            minted_key(e.task_arn().expect("an ARN")).as_str()
        );
        let refused = exec(&e_id, true, &format!("wget -qO- '{a_uri}'")).expect_err("refused");
        assert!(refused.contains("400"), "{refused}");
        let refused = exec(&a_id, false, &format!("wget -qO- '{e_uri}'")).expect_err("refused");
        assert!(refused.contains("400"), "{refused}");
    }
}

/// After the agent restarts (on the same data directory), the URIs running containers
/// hold answer again: same port, same IDs.
#[tokio::test(flavor = "multi_thread")]
async fn the_endpoint_serves_running_tasks_again_after_an_agent_restart() {
    if !docker_available() {
        return;
    }
    let (mut cluster, instance, cleanup) = docker_cluster().await;
    register_sleeper(&cluster, "survivor", NetworkMode::Bridge, None).await;
    let task = run_task(&cluster, "survivor", &instance, &[]).await;
    let arn = cleanup.track(task.task_arn().expect("an ARN"));
    let id = runtime_id(&task, "app");
    let uri = env_of(&id, false)["ECS_CONTAINER_METADATA_URI_V4"].clone();
    assert_eq!(
        fetch_json(&id, false, &format!("{uri}/task"))["TaskARN"],
        arn.as_str()
    );

    cluster.restart().await;
    let answered = wait_for("the endpoint to answer again", TIMEOUT, || {
        let answer = exec(&id, false, &format!("wget -qO- '{uri}/task'")).ok();
        async move { answer }
    })
    .await;
    let document: Value = serde_json::from_str(&answered).expect("JSON");
    assert_eq!(document["TaskARN"], arn.as_str());
    assert_eq!(document["Containers"][0]["DockerId"], id.as_str());
}

/// On ECS's own address and port: the metadata URIs carry no port and credentials are
/// named by `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`, which busybox `wget` in the
/// container and the SDK's provider on the host both resolve against 169.254.170.2.
#[tokio::test(flavor = "multi_thread")]
async fn credentials_by_relative_uri_on_ecs_port_80() {
    if !docker_available() {
        return;
    }
    let cluster = TestCluster::start().await;
    let dir = tempfile::tempdir().expect("a directory");
    let runtime: Arc<dyn ContainerRuntime> =
        Arc::new(berth_agent::DockerRuntime::connect().await.expect("Docker"));
    let mut agent = Agent::start(
        &cluster,
        runtime,
        dir.path(),
        berth_agent::endpoint::DEFAULT_ADDRESS,
    )
    .await;
    let _cleanup = DockerCleanup::new(vec![agent.instance_arn.clone()]);
    cluster.wait_for_instances(1).await;
    register_sleeper(&cluster, "port80", NetworkMode::Host, Some(ROLE)).await;
    let task = run_task(&cluster, "port80", &agent.instance_arn, &[]).await;
    let task_arn = task.task_arn().expect("an ARN").to_owned();
    let id = runtime_id(&task, "app");
    let env = env_of(&id, false);
    let relative = env["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"].clone();
    assert!(relative.starts_with("/v2/credentials/"), "{relative}");
    assert!(!env.contains_key("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
    let v4 = env["ECS_CONTAINER_METADATA_URI_V4"].clone();
    assert!(v4.starts_with("http://169.254.170.2/v4/"), "{v4}");

    let served = fetch_json(&id, false, &format!("http://169.254.170.2{relative}"));
    assert_eq!(served["AccessKeyId"], minted_key(&task_arn).as_str());
    assert_eq!(
        fetch_json(&id, false, &format!("{v4}/task"))["TaskARN"],
        task_arn.as_str()
    );

    std::env::set_var("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", &relative);
    std::env::remove_var("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    let provider = aws_config::ecs::EcsCredentialsProvider::builder().build();
    let loaded = provider
        .provide_credentials()
        .await
        .expect("the SDK loads credentials");
    assert_eq!(loaded.access_key_id(), minted_key(&task_arn));
    agent.stop().await;
}

/// End to end with berth's IAM: the server assumes the task's role, the endpoint serves
/// the session, `wget` in a bridge task's container reads its own, the SDK's provider
/// loads a host-mode task's from the container's variables, and STS on berth answers
/// each as the role's session for that task.
#[tokio::test(flavor = "multi_thread")]
async fn role_credentials_from_the_endpoint_are_the_tasks_session_on_berth() {
    if !docker_available() {
        return;
    }
    let (cluster, instance, _cleanup) = docker_cluster().await;
    // The role may list clusters and read one secret, not another.
    let secrets =
        aws_sdk_secretsmanager::Client::new(&cluster.sdk_config(cluster.admin_credentials()));
    let mut secret_arns = Vec::new();
    for name in ["app/allowed", "app/other"] {
        let created = secrets
            .create_secret()
            .name(name)
            .secret_string(format!("value of {name}"))
            .send()
            .await
            .expect("CreateSecret");
        secret_arns.push(created.arn().expect("an ARN").to_owned());
    }
    let role = iam_support::role_with_policy(
        &cluster,
        "metadata-app",
        iam_support::TRUST_ECS_TASKS,
        Some(&format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"ecs:ListClusters","Resource":"*"}},{{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"{}"}}]}}"#,
            secret_arns[0]
        )),
    )
    .await;
    let caller_of = |credentials: aws_credential_types::Credentials| {
        let sts = iam_support::sts(&cluster, credentials);
        async move {
            sts.get_caller_identity()
                .send()
                .await
                .expect("GetCallerIdentity")
                .arn()
                .expect("an ARN")
                .to_owned()
        }
    };
    let session_of = |task: &Task| {
        let id = task
            .task_arn()
            .and_then(|a| a.rsplit('/').next())
            .expect("an ID");
        format!("arn:aws:sts::000000000000:assumed-role/metadata-app/{id}")
    };

    register_sleeper(&cluster, "bridge-role", NetworkMode::Bridge, Some(&role)).await;
    let bridge = run_task(&cluster, "bridge-role", &instance, &[]).await;
    let id = runtime_id(&bridge, "app");
    let uri = env_of(&id, false)["AWS_CONTAINER_CREDENTIALS_FULL_URI"].clone();
    let served = fetch_json(&id, false, &uri);
    assert_eq!(served["RoleArn"], role.as_str());
    let field = |name: &str| served[name].as_str().expect(name).to_owned();
    let from_container = aws_credential_types::Credentials::new(
        field("AccessKeyId"),
        field("SecretAccessKey"),
        Some(field("Token")),
        None,
        "read in the container",
    );
    assert_eq!(caller_of(from_container.clone()).await, session_of(&bridge));
    // With those credentials the task has exactly its role's rights.
    let as_task = aws_sdk_secretsmanager::Client::new(&cluster.sdk_config(from_container));
    let allowed = as_task
        .get_secret_value()
        .secret_id(&secret_arns[0])
        .send()
        .await
        .expect("the role may read app/allowed");
    assert_eq!(allowed.secret_string(), Some("value of app/allowed"));
    let refused = as_task
        .get_secret_value()
        .secret_id(&secret_arns[1])
        .send()
        .await
        .expect_err("the role may not read app/other");
    assert_eq!(
        aws_sdk_secretsmanager::error::ProvideErrorMetadata::code(&refused),
        Some("AccessDeniedException"),
        "{refused:?}"
    );

    register_sleeper(&cluster, "host-role", NetworkMode::Host, Some(&role)).await;
    let host = run_task(&cluster, "host-role", &instance, &[]).await;
    let host_env = env_of(&runtime_id(&host, "app"), false);
    // Each nextest test is a process of its own, so the variable is this test's alone.
    std::env::set_var(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        &host_env["AWS_CONTAINER_CREDENTIALS_FULL_URI"],
    );
    std::env::remove_var("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    let provider = aws_config::ecs::EcsCredentialsProvider::builder().build();
    let sts = aws_sdk_sts::Client::from_conf(
        aws_sdk_sts::Config::builder()
            .behavior_version(aws_sdk_sts::config::BehaviorVersion::latest())
            .region(aws_sdk_sts::config::Region::new(
                host_env["AWS_REGION"].clone(),
            ))
            .endpoint_url(cluster.endpoint())
            .credentials_provider(provider)
            .build(),
    );
    let identity = sts
        .get_caller_identity()
        .send()
        .await
        .expect("GetCallerIdentity with the provider's credentials");
    assert_eq!(identity.arn(), Some(session_of(&host).as_str()));
}
