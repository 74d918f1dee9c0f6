//! The agent-authority matrix: an agent's credential may act only on its own container
//! instance and its own tasks. Two instances register over the agent protocol (raw HTTP,
//! so the test sees the server's checks and nothing else); agent A's credential is then
//! used for cross-instance agent calls, control-plane calls and ECS API calls (as a bearer
//! and as a SigV4 secret), and every one is refused with its exact status or ECS error,
//! and the user client confirms afterwards that nothing changed.

use std::time::Duration;

use aws_sdk_ecs::types::ContainerDefinition;
use berth_api::protocol::{
    DesiredState, HostResources, RegisterRequest, RegisterResponse, ReportRequest, ReportedStatus,
    TaskReport,
};
use berth_testkit::fixtures::register;
use berth_testkit::{test_image, TestCluster};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A registered instance: its ARN and the credential the server issued for it.
struct Instance {
    arn: String,
    credential: String,
}

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .expect("an HTTP client")
}

async fn register_instance(cluster: &TestCluster, token: &str, hostname: &str) -> Instance {
    let response = http()
        .post(format!("{}/agent/v1/register", cluster.endpoint()))
        .bearer_auth(token)
        .json(&register_request(hostname))
        .send()
        .await
        .expect("POST /agent/v1/register");
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "registration of {hostname}"
    );
    let body: RegisterResponse = response.json().await.expect("a RegisterResponse");
    Instance {
        arn: body.container_instance_arn,
        credential: body.credential,
    }
}

fn register_request(hostname: &str) -> RegisterRequest {
    serde_json::from_value(json!({
        "cluster": "default",
        "hostname": hostname,
        "resources": HostResources { cpu: 1024, memory_mib: 2048, ..HostResources::default() },
        "agent_version": "test",
        "runtime_version": "test",
    }))
    .expect("a RegisterRequest")
}

/// A whole-state report of one task as RUNNING (no containers: the server checks
/// ownership before it looks at the contents).
fn running(task_arn: &str) -> TaskReport {
    serde_json::from_value(json!({
        "task_arn": task_arn,
        "last_status": ReportedStatus::Running,
        "containers": [],
    }))
    .expect("a TaskReport")
}

/// Sends a report with `auth` as the whole Authorization header value.
async fn report(cluster: &TestCluster, auth: &str, tasks: Vec<TaskReport>) -> (StatusCode, Value) {
    let response = http()
        .post(format!("{}/agent/v1/report", cluster.endpoint()))
        .header("authorization", auth)
        .json(&ReportRequest {
            generation: 0,
            tasks,
        })
        .send()
        .await
        .expect("POST /agent/v1/report");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Polls the desired state (no long poll) with an optional Authorization header.
async fn desired(cluster: &TestCluster, auth: Option<&str>) -> reqwest::Response {
    let mut request = http().get(format!("{}/agent/v1/desired", cluster.endpoint()));
    if let Some(auth) = auth {
        request = request.header("authorization", auth);
    }
    request.send().await.expect("GET /agent/v1/desired")
}

/// Calls an ECS action with a bearer Authorization header; returns the status and the
/// ECS error type.
async fn ecs_with_bearer(
    cluster: &TestCluster,
    credential: &str,
    action: &str,
    body: Value,
) -> (StatusCode, String) {
    let response = http()
        .post(format!("{}/", cluster.endpoint()))
        .header(
            "x-amz-target",
            format!("AmazonEC2ContainerServiceV20141113.{action}"),
        )
        .header("content-type", "application/x-amz-json-1.1")
        .bearer_auth(credential)
        .body(body.to_string())
        .send()
        .await
        .expect("POST /");
    error_type(response)
}

fn error_type(response: reqwest::Response) -> (StatusCode, String) {
    let kind = response
        .headers()
        .get("x-amzn-errortype")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (response.status(), kind)
}

async fn last_status(cluster: &TestCluster, task_arn: &str) -> String {
    let out = cluster
        .client
        .describe_tasks()
        .tasks(task_arn)
        .send()
        .await
        .expect("DescribeTasks");
    out.tasks()[0].last_status().unwrap_or_default().to_owned()
}

async fn start_on(cluster: &TestCluster, td: &str, instance: &Instance) -> String {
    berth_testkit::fixtures::start_on(&cluster.client, td, &instance.arn).await
}

async fn all_task_arns(cluster: &TestCluster) -> Vec<String> {
    let mut arns = cluster
        .client
        .list_tasks()
        .send()
        .await
        .expect("ListTasks")
        .task_arns()
        .to_vec();
    arns.sort();
    arns
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_credential_acts_only_on_its_own_instance_and_tasks() {
    let cluster = TestCluster::start().await;
    let token = cluster
        .server
        .app
        .create_join_token("default", true)
        .await
        .expect("a join token");
    let a = register_instance(&cluster, &token, "host-a").await;
    let b = register_instance(&cluster, &token, "host-b").await;
    let bearer_a = format!("Bearer {}", a.credential);

    let container = ContainerDefinition::builder()
        .name("app")
        .image(test_image())
        .cpu(128)
        .memory(128)
        .build();
    let td = register(&cluster.client, "authority", vec![container]).await;
    let task_a = start_on(&cluster, &td, &a).await;
    let task_b = start_on(&cluster, &td, &b).await;
    let clusters_before = cluster
        .client
        .list_clusters()
        .send()
        .await
        .expect("ListClusters");
    let tasks_before = all_task_arns(&cluster).await;
    let mut refused = 0;

    // A's desired set holds its own task and never B's.
    let response = desired(&cluster, Some(&bearer_a)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let state: DesiredState = response.json().await.expect("a DesiredState");
    let desired_arns: Vec<&str> = state.tasks.iter().map(|t| t.task_arn.as_str()).collect();
    assert_eq!(desired_arns, [task_a.as_str()]);

    // A reads its own task's tags (and its instance's), never B's task's.
    let tags_of = |task: &str, auth: Option<&str>| {
        let mut request = http()
            .get(format!("{}/agent/v1/tasks/tags", cluster.endpoint()))
            .query(&[("task", task)]);
        if let Some(auth) = auth {
            request = request.header("authorization", auth);
        }
        request.send()
    };
    let own = tags_of(&task_a, Some(&bearer_a)).await.expect("GET tags");
    assert_eq!(own.status(), StatusCode::OK);
    let own: berth_api::protocol::TaskTags = own.json().await.expect("TaskTags");
    assert!(own.task_tags.is_empty() && own.container_instance_tags.is_empty());
    let foreign = tags_of(&task_b, Some(&bearer_a)).await.expect("GET tags");
    assert_eq!(foreign.status(), StatusCode::FORBIDDEN);
    let anonymous = tags_of(&task_a, None).await.expect("GET tags");
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    refused += 2;

    // 1. Reporting B's task.
    let (status, body) = report(&cluster, &bearer_a, vec![running(&task_b)]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(body["error"], "forbidden");
    refused += 1;
    // 2. A batch mixing A's own task and B's: refused as a whole.
    let (status, body) = report(
        &cluster,
        &bearer_a,
        vec![running(&task_a), running(&task_b)],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    refused += 1;
    // 3. The same with the foreign task first.
    let (status, _) = report(
        &cluster,
        &bearer_a,
        vec![running(&task_b), running(&task_a)],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    refused += 1;
    assert_eq!(last_status(&cluster, &task_b).await, "PROVISIONING");
    assert_eq!(last_status(&cluster, &task_a).await, "PROVISIONING");

    // 4-8. Malformed task ARNs, bare IDs and other clusters' ARNs are invalid.
    let prefix = task_a
        .split(":task/")
        .next()
        .expect("a task ARN prefix")
        .to_owned();
    let own_id = task_a.rsplit('/').next().expect("a task ID").to_owned();
    for bad in [
        "not-an-arn".to_owned(),
        String::new(),
        format!("{prefix}:cluster/default"),
        own_id.clone(),
        format!("{prefix}:task/elsewhere/{own_id}"),
    ] {
        let (status, body) = report(&cluster, &bearer_a, vec![running(&bad)]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        assert_eq!(body["error"], "invalid");
        refused += 1;
    }
    // An unknown task of the cluster (one that was cleaned up, say) is acknowledged as
    // nothing: the server accepts none of it and creates nothing.
    let unknown = format!("{prefix}:task/default/0123456789abcdef0123456789abcdef");
    let (status, body) = report(&cluster, &bearer_a, vec![running(&unknown)]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["accepted"], 0);
    assert_eq!(all_task_arns(&cluster).await, tasks_before);

    // 9-13. Bad credentials on the agent endpoints.
    for auth in [
        None,
        Some("Bearer ".to_owned()),
        Some("Bearer garbage".to_owned()),
        Some(format!("Basic {}", a.credential)),
        Some(a.credential.clone()),
    ] {
        let response = desired(&cluster, auth.as_deref()).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{auth:?}");
        refused += 1;
    }
    // 14. A report with a garbage credential.
    let (status, _) = report(&cluster, "Bearer garbage", vec![running(&task_a)]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    refused += 1;
    // 15. Re-registering with A's credential instead of a join token.
    let response = http()
        .post(format!("{}/agent/v1/register", cluster.endpoint()))
        .header("authorization", &bearer_a)
        .json(&register_request("host-c"))
        .send()
        .await
        .expect("POST /agent/v1/register");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    refused += 1;

    // 16-17. The control plane wants a user's SigV4 signature, not an agent bearer, and
    // the task-secrets endpoint serves an agent only its own tasks.
    let response = http()
        .post(format!("{}/control/v1/join-tokens", cluster.endpoint()))
        .header("authorization", &bearer_a)
        .json(&json!({"cluster": "default", "reusable": true}))
        .send()
        .await
        .expect("POST /control/v1/join-tokens");
    assert_eq!(
        error_type(response),
        (
            StatusCode::BAD_REQUEST,
            "IncompleteSignatureException".to_owned()
        )
    );
    refused += 1;
    // Another instance's task's secrets (the server reads them only for the instance the
    // task runs on); its own task has none to give, so that call works.
    let secrets = |task: &str| {
        http()
            .get(format!("{}/agent/v1/tasks/secrets", cluster.endpoint()))
            .query(&[("task", task)])
            .header("authorization", &bearer_a)
            .send()
    };
    let response = secrets(&task_b).await.expect("GET /agent/v1/tasks/secrets");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    refused += 1;
    let own = secrets(&task_a).await.expect("GET /agent/v1/tasks/secrets");
    assert_eq!(own.status(), StatusCode::OK);
    let own: berth_api::protocol::TaskSecrets = own.json().await.expect("TaskSecrets");
    assert!(own.containers.is_empty());

    // 18-27. The ECS API with A's credential as a bearer.
    let calls = [
        ("RunTask", json!({"taskDefinition": td})),
        ("StopTask", json!({"task": task_b})),
        ("DescribeTasks", json!({"tasks": [task_b]})),
        (
            "DeregisterContainerInstance",
            json!({"containerInstance": b.arn, "force": true}),
        ),
        (
            "PutAttributes",
            json!({"attributes": [{"name": "owner", "value": "a", "targetId": b.arn}]}),
        ),
        (
            "UpdateContainerInstancesState",
            json!({"containerInstances": [b.arn], "status": "DRAINING"}),
        ),
        ("ListClusters", json!({})),
        ("CreateCluster", json!({"clusterName": "agent-made"})),
        (
            "RegisterTaskDefinition",
            json!({"family": "agent-made", "containerDefinitions": [{"name": "x", "image": "x", "memory": 16}]}),
        ),
        (
            "TagResource",
            json!({"resourceArn": b.arn, "tags": [{"key": "owner", "value": "a"}]}),
        ),
    ];
    for (action, body) in &calls {
        let (status, kind) = ecs_with_bearer(&cluster, &a.credential, action, body.clone()).await;
        assert_eq!(
            (status, kind.as_str()),
            (StatusCode::BAD_REQUEST, "IncompleteSignatureException"),
            "{action}"
        );
        refused += 1;
    }
    // 28-36. SigV4-signed with the credential as the secret of a made-up access key.
    let forged = cluster.client_with("AKIAAGENTFORGED00000", &a.credential);
    let expect_unrecognized = |what: &str, err: Option<String>| {
        assert_eq!(
            err.as_deref(),
            Some("UnrecognizedClientException"),
            "{what}"
        );
    };
    use aws_sdk_ecs::error::ProvideErrorMetadata;
    expect_unrecognized(
        "ListClusters",
        forged
            .list_clusters()
            .send()
            .await
            .err()
            .and_then(|e| e.code().map(str::to_owned)),
    );
    expect_unrecognized(
        "StopTask",
        forged
            .stop_task()
            .task(&task_b)
            .send()
            .await
            .err()
            .and_then(|e| e.code().map(str::to_owned)),
    );
    expect_unrecognized(
        "DescribeTasks",
        forged
            .describe_tasks()
            .tasks(&task_b)
            .send()
            .await
            .err()
            .and_then(|e| e.code().map(str::to_owned)),
    );
    expect_unrecognized(
        "RunTask",
        forged
            .run_task()
            .task_definition(&td)
            .send()
            .await
            .err()
            .and_then(|e| e.code().map(str::to_owned)),
    );
    expect_unrecognized(
        "CreateCluster",
        forged
            .create_cluster()
            .cluster_name("agent-made")
            .send()
            .await
            .err()
            .and_then(|e| e.code().map(str::to_owned)),
    );
    expect_unrecognized(
        "DeregisterContainerInstance",
        forged
            .deregister_container_instance()
            .container_instance(&b.arn)
            .force(true)
            .send()
            .await
            .err()
            .and_then(|e| e.code().map(str::to_owned)),
    );
    expect_unrecognized(
        "UpdateContainerInstancesState",
        forged
            .update_container_instances_state()
            .container_instances(&b.arn)
            .status(aws_sdk_ecs::types::ContainerInstanceStatus::Draining)
            .send()
            .await
            .err()
            .and_then(|e| e.code().map(str::to_owned)),
    );
    expect_unrecognized(
        "TagResource",
        forged
            .tag_resource()
            .resource_arn(&b.arn)
            .tags(
                aws_sdk_ecs::types::Tag::builder()
                    .key("owner")
                    .value("a")
                    .build(),
            )
            .send()
            .await
            .err()
            .and_then(|e| e.code().map(str::to_owned)),
    );
    refused += 8;
    // An agent's instance ID is no access key either.
    let instance_id = a.arn.rsplit('/').next().expect("an instance ID");
    let as_instance = cluster.client_with(instance_id, &a.credential);
    expect_unrecognized(
        "ListClusters as instance",
        as_instance
            .list_clusters()
            .send()
            .await
            .err()
            .and_then(|e| e.code().map(str::to_owned)),
    );
    refused += 1;

    // Nothing changed: same clusters, same tasks, B still ACTIVE, untagged, unattributed.
    let clusters_after = cluster
        .client
        .list_clusters()
        .send()
        .await
        .expect("ListClusters");
    assert_eq!(
        clusters_after.cluster_arns(),
        clusters_before.cluster_arns()
    );
    assert_eq!(all_task_arns(&cluster).await, tasks_before);
    let described = cluster
        .client
        .describe_tasks()
        .tasks(&task_b)
        .send()
        .await
        .expect("DescribeTasks");
    assert_eq!(described.tasks()[0].desired_status(), Some("RUNNING"));
    assert_eq!(described.tasks()[0].last_status(), Some("PROVISIONING"));
    let instance_b = cluster
        .client
        .describe_container_instances()
        .container_instances(&b.arn)
        .include(aws_sdk_ecs::types::ContainerInstanceField::Tags)
        .send()
        .await
        .expect("DescribeContainerInstances");
    let instance_b = &instance_b.container_instances()[0];
    assert_eq!(instance_b.status(), Some("ACTIVE"));
    assert!(
        instance_b.tags().is_empty(),
        "tags: {:?}",
        instance_b.tags()
    );
    assert!(instance_b.attributes().iter().all(|a| a.name() != "owner"));
    let families = cluster
        .client
        .list_task_definition_families()
        .send()
        .await
        .expect("ListTaskDefinitionFamilies");
    assert_eq!(families.families(), ["authority"]);

    // 37-39. Once B is deregistered, its credential opens nothing.
    let bearer_b = format!("Bearer {}", b.credential);
    assert_eq!(
        desired(&cluster, Some(&bearer_b)).await.status(),
        StatusCode::OK
    );
    cluster
        .client
        .deregister_container_instance()
        .container_instance(&b.arn)
        .force(true)
        .send()
        .await
        .expect("DeregisterContainerInstance");
    assert_eq!(
        desired(&cluster, Some(&bearer_b)).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let (status, _) = report(&cluster, &bearer_b, vec![running(&task_b)]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let response = http()
        .post(format!("{}/agent/v1/register", cluster.endpoint()))
        .header("authorization", &bearer_b)
        .json(&register_request("host-b"))
        .send()
        .await
        .expect("POST /agent/v1/register");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    refused += 3;

    // A is unaffected by all of the above.
    let (status, body) = report(&cluster, &bearer_a, vec![running(&task_a)]).await;
    assert_eq!(
        (status, body["accepted"].clone()),
        (StatusCode::OK, json!(1))
    );
    assert_eq!(last_status(&cluster, &task_a).await, "RUNNING");
    assert!(refused >= 20, "{refused} refused calls");
    println!("agent authority: {refused} calls refused");
}
