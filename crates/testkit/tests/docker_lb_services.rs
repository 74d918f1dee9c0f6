//! A real ECS service behind berth's in-process load balancer: four busybox `httpd` tasks
//! (each answering `/cgi-bin/rev` with its task definition's revision) registered by the
//! service in an `instance` target group that the data plane health-checks, and a bounded
//! client loop (20 requests/s) through the listener. Not one request may fail while the
//! service rolls from web:1 to web:2, nor while one task's container is `docker kill`ed and
//! replaced.
//!
//! The containers exit at once on SIGTERM, as a well-behaved server does, and the rollout's
//! client sends POSTs, which the load balancer never retries: a task stopped before its
//! target drained would fail requests. The kill test sends GETs, which the load balancer
//! retries once on another target when one refuses the connection.

mod lb_wiring_support;

use std::sync::Arc;
use std::time::Duration;

use aws_sdk_ecs::types::{DeploymentConfiguration, LoadBalancer, PortMapping, TransportProtocol};
use aws_sdk_elasticloadbalancingv2::types::{TargetHealthStateEnum, TargetTypeEnum};
use berth_testkit::fixtures::{register, shell_container};
use berth_testkit::{
    docker, docker_available, wait_for, AgentKind, DockerCleanup, Options, TestCluster,
};
use lb_wiring_support::{balancer, client, free_port, Balancer};
use tokio::sync::Mutex;
use tokio_util::sync::CancellationToken;

const TIMEOUT: Duration = Duration::from_secs(40);
const TASKS: usize = 4;

/// `web` revision `revision`: `/cgi-bin/rev` answers `web:REVISION` (to GET and POST)
/// after 0.3 s, so that requests are in flight when tasks stop; `/health` answers 200;
/// SIGTERM ends the container at once.
async fn register_web(cluster: &TestCluster, revision: u32) -> String {
    let script = format!(
        "mkdir -p /www/cgi-bin && echo ok > /www/health \
         && printf '#!/bin/sh\\nsleep 0.3\\necho Content-Type: text/plain\\necho\\necho web:{revision}\\n' > /www/cgi-bin/rev \
         && chmod +x /www/cgi-bin/rev && trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"
    );
    let web = shell_container("web", 16, &script)
        .port_mappings(
            PortMapping::builder()
                .container_port(80)
                .host_port(0)
                .protocol(TransportProtocol::Tcp)
                .build(),
        )
        .build();
    register(&cluster.client, "web", vec![web]).await
}

/// A Docker cluster serving load balancers, the ELBv2 resources, and the `web` service of
/// four tasks of web:1, all of them `healthy` in the target group.
async fn web_service(name: &str) -> (TestCluster, DockerCleanup, Balancer) {
    let cluster = TestCluster::with(Options {
        agent: AgentKind::Docker,
        load_balancer: true,
        ..Options::default()
    })
    .await;
    let cleanup = DockerCleanup::new(cluster.wait_for_instances(1).await);
    let elb = client(&cluster);
    let lb = balancer(&elb, name, free_port(), 10, TargetTypeEnum::Instance).await;
    register_web(&cluster, 1).await;
    register_web(&cluster, 2).await;
    cluster
        .client
        .create_service()
        .service_name("web")
        .task_definition("web:1")
        .desired_count(TASKS as i32)
        .deployment_configuration(
            DeploymentConfiguration::builder()
                .minimum_healthy_percent(100)
                .maximum_percent(200)
                .build(),
        )
        .load_balancers(
            LoadBalancer::builder()
                .target_group_arn(&lb.target_group)
                .container_name("web")
                .container_port(80)
                .build(),
        )
        .send()
        .await
        .expect("creating the service");
    wait_for_healthy_rollout(&cluster, &lb, "web:1").await;
    (cluster, cleanup, lb)
}

/// Waits until the service's one deployment (of `revision`) is COMPLETED and the target
/// group has exactly the service's tasks, all `healthy`.
async fn wait_for_healthy_rollout(cluster: &TestCluster, lb: &Balancer, revision: &str) {
    let elb = client(cluster);
    wait_for(
        &format!("{revision} rolled out and healthy"),
        TIMEOUT,
        || async {
            let service = cluster
                .client
                .describe_services()
                .services("web")
                .send()
                .await
                .ok()?
                .services()
                .first()?
                .clone();
            let deployments = service.deployments();
            let done = deployments.len() == 1
                && deployments[0].rollout_state().map(|s| s.as_str()) == Some("COMPLETED")
                && deployments[0]
                    .task_definition()
                    .is_some_and(|d| d.ends_with(&format!("task-definition/{revision}")))
                && service.running_count() == TASKS as i32;
            let health = elb
                .describe_target_health()
                .target_group_arn(&lb.target_group)
                .send()
                .await
                .ok()?;
            let targets = health.target_health_descriptions();
            let all_healthy = targets.len() == TASKS
                && targets.iter().all(|t| {
                    t.target_health().and_then(|h| h.state())
                        == Some(&TargetHealthStateEnum::Healthy)
                });
            (done && all_healthy).then_some(())
        },
    )
    .await
}

/// What the client loop saw: each request's status and body, or its error.
type Answers = Arc<Mutex<Vec<Result<(u16, String), String>>>>;

/// Starts `method /cgi-bin/rev` through the listener 20 times a second (each answer takes
/// 0.3 s, so several are in flight; connections are kept alive) until `stop`, and waits for
/// the last ones.
fn client_loop(
    port: u16,
    method: reqwest::Method,
    stop: CancellationToken,
) -> (Answers, tokio::task::JoinHandle<()>) {
    let answers: Answers = Arc::default();
    let seen = answers.clone();
    let handle = tokio::spawn(async move {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .expect("an HTTP client");
        let mut tick = tokio::time::interval(Duration::from_millis(50));
        let mut in_flight = Vec::new();
        while !stop.is_cancelled() {
            tick.tick().await;
            let mut request = http.request(
                method.clone(),
                format!("http://127.0.0.1:{port}/cgi-bin/rev"),
            );
            // A GET without a body is what the load balancer may retry on another target.
            if method == reqwest::Method::POST {
                request = request.body("ping");
            }
            let seen = seen.clone();
            in_flight.push(tokio::spawn(async move {
                let answer = match request.send().await {
                    Ok(response) => {
                        let status = response.status().as_u16();
                        match response.text().await {
                            Ok(body) => Ok((status, body.trim().to_owned())),
                            Err(err) => Err(format!("reading the body: {err}")),
                        }
                    }
                    Err(err) => Err(format!("{err:?}")),
                };
                seen.lock().await.push(answer);
            }));
        }
        for request in in_flight {
            request.await.expect("a request task");
        }
    });
    (answers, handle)
}

/// Starts the client loop through `lb` and waits for its first answers.
async fn load(
    lb: &Balancer,
    method: reqwest::Method,
) -> (Answers, CancellationToken, tokio::task::JoinHandle<()>) {
    let stop = CancellationToken::new();
    let (answers, client) = client_loop(lb.port, method, stop.clone());
    more_answers(&answers, 5).await;
    (answers, stop, client)
}

/// Waits until the client loop has `more` answers than it has now.
async fn more_answers(answers: &Answers, more: usize) {
    let now = answers.lock().await.len();
    wait_for(&format!("{more} more answers"), TIMEOUT, || async {
        (answers.lock().await.len() >= now + more).then_some(())
    })
    .await
}

/// The service's tasks that are wanted running.
async fn running_task_arns(cluster: &TestCluster) -> Option<Vec<String>> {
    let out = cluster
        .client
        .list_tasks()
        .service_name("web")
        .send()
        .await
        .ok()?;
    Some(out.task_arns().to_vec())
}

/// Every answer is a 200 from web:1 or web:2; returns how many came from each.
async fn assert_all_served(answers: &Answers) -> (usize, usize) {
    let answers = answers.lock().await;
    let failed: Vec<String> = answers
        .iter()
        .enumerate()
        .filter_map(|(i, a)| match a {
            Ok((200, body)) if body == "web:1" || body == "web:2" => None,
            other => Some(format!("#{i}: {other:?}")),
        })
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} requests failed: {failed:?}",
        failed.len(),
        answers.len()
    );
    let from = |body: &str| {
        answers
            .iter()
            .filter(|a| matches!(a, Ok((_, b)) if b == body))
            .count()
    };
    (from("web:1"), from("web:2"))
}

#[tokio::test]
async fn zero_failed_requests_during_a_rolling_deployment() {
    if !docker_available() {
        return;
    }
    let (cluster, _cleanup, lb) = web_service("rolling").await;
    let (answers, stop, client) = load(&lb, reqwest::Method::POST).await;

    cluster
        .client
        .update_service()
        .service("web")
        .task_definition("web:2")
        .send()
        .await
        .expect("updating the service to web:2");
    wait_for_healthy_rollout(&cluster, &lb, "web:2").await;
    // The old tasks are stopped only after their targets drained.
    wait_for("the old tasks to stop", TIMEOUT, || async {
        (running_task_arns(&cluster).await?.len() == TASKS).then_some(())
    })
    .await;
    more_answers(&answers, 5).await;
    stop.cancel();
    client.await.unwrap();

    let (v1, v2) = assert_all_served(&answers).await;
    assert!(v1 > 0 && v2 > 0, "web:1 answered {v1}, web:2 {v2}");
    let answers = answers.lock().await;
    assert!(
        answers[answers.len() - 5..]
            .iter()
            .all(|a| matches!(a, Ok((_, b)) if b == "web:2")),
        "after the rollout only web:2 answers: {:?}",
        &answers[answers.len() - 5..]
    );
    let service = cluster
        .client
        .describe_services()
        .services("web")
        .send()
        .await
        .unwrap()
        .services()[0]
        .clone();
    let events: Vec<&str> = service
        .events()
        .iter()
        .filter_map(|e| e.message())
        .collect();
    // Old tasks stopped in one pass are deregistered together ("deregistered 2 targets").
    let in_group = format!(" targets in (target-group {})", lb.target_group);
    assert!(
        events
            .iter()
            .any(|e| e.starts_with("(service web) deregistered ") && e.ends_with(&in_group)),
        "{events:?}"
    );
}

#[tokio::test]
async fn zero_failed_requests_while_a_task_is_killed() {
    if !docker_available() {
        return;
    }
    let (cluster, _cleanup, lb) = web_service("killed").await;
    let (answers, stop, client) = load(&lb, reqwest::Method::GET).await;

    let arns = running_task_arns(&cluster)
        .await
        .expect("the service's tasks");
    let victim = cluster
        .client
        .describe_tasks()
        .tasks(&arns[0])
        .send()
        .await
        .unwrap()
        .tasks()[0]
        .clone();
    let container = berth_testkit::fixtures::runtime_id(&victim, "web");
    docker(&["kill", &container]);

    // The service replaces it, and the replacement takes traffic once healthy.
    wait_for("the killed task to be replaced", TIMEOUT, || async {
        let running = running_task_arns(&cluster).await?;
        (running.len() == TASKS && !running.contains(&arns[0])).then_some(())
    })
    .await;
    wait_for_healthy_rollout(&cluster, &lb, "web:1").await;
    more_answers(&answers, 5).await;
    stop.cancel();
    client.await.unwrap();
    let (v1, _) = assert_all_served(&answers).await;
    assert!(v1 > 0);
}
