//! The load balancer wired to the control plane, in the server's process (as `berth dev`
//! runs it): a load balancer, target group and listener made through
//! `aws-sdk-elasticloadbalancingv2` serve real HTTP from real Docker containers, and what
//! the data plane observes is what DescribeTargetHealth and DescribeLoadBalancers show.

mod lb_wiring_support;

use std::collections::HashMap;

use aws_sdk_elasticloadbalancingv2::types::{
    LoadBalancerStateEnum, TargetHealthStateEnum, TargetTypeEnum,
};
use berth_testkit::{docker, docker_available, AgentKind, DockerCleanup, Options, TestCluster};
use lb_wiring_support::{
    balancer, client, free_port, get, health_of, instance_id, run_webs, target, wait_for_health,
    wait_for_state, TIMEOUT,
};

/// Two containers registered as instance targets: the load balancer becomes `active`, both
/// become `healthy`, requests alternate between them; a container whose `/health` starts
/// answering 404 becomes `unhealthy` with `Target.ResponseCodeMismatch` and gets no more
/// requests; a deregistered target is `draining`, then gone.
#[tokio::test]
async fn the_in_process_load_balancer_serves_checks_and_drains_containers() {
    if !docker_available() {
        return;
    }
    let cluster = TestCluster::with(Options {
        agent: AgentKind::Docker,
        load_balancer: true,
        ..Options::default()
    })
    .await;
    let instances = cluster.wait_for_instances(1).await;
    let cleanup = DockerCleanup::new(instances);
    let webs = run_webs(&cluster, 2).await;
    for web in &webs {
        cleanup.track(&web.task_arn);
    }
    let host = instance_id(&cluster).await;
    let elb = client(&cluster);
    let port = free_port();
    let lb = balancer(&elb, "wired", port, 30, TargetTypeEnum::Instance).await;
    wait_for_state(&elb, &lb.load_balancer, LoadBalancerStateEnum::Active).await;

    elb.register_targets()
        .target_group_arn(&lb.target_group)
        .targets(target(&host, webs[0].host_port))
        .targets(target(&host, webs[1].host_port))
        .send()
        .await
        .expect("RegisterTargets");
    for web in &webs {
        wait_for_health(
            &elb,
            &lb.target_group,
            web.host_port,
            TargetHealthStateEnum::Healthy,
            None,
        )
        .await;
    }

    // Round robin: ten requests, five each, alternating.
    let mut answers = Vec::new();
    for _ in 0..10 {
        let (status, body) = get(port, "/")
            .await
            .expect("an answer through the listener");
        assert_eq!(status, 200, "{body}");
        answers.push(body);
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for answer in &answers {
        *counts.entry(answer.as_str()).or_default() += 1;
    }
    assert_eq!(counts.len(), 2, "both containers answer: {answers:?}");
    assert!(counts.values().all(|&n| n == 5), "round robin: {answers:?}");
    assert!(
        answers.windows(2).all(|w| w[0] != w[1]),
        "requests alternate: {answers:?}"
    );

    // The first container's health path starts failing (404); the second is deregistered.
    docker(&["exec", &webs[0].container, "rm", "/www/health"]);
    elb.deregister_targets()
        .target_group_arn(&lb.target_group)
        .targets(target(&host, webs[1].host_port))
        .send()
        .await
        .expect("DeregisterTargets");
    let (state, reason) = health_of(&elb, &lb.target_group, webs[1].host_port)
        .await
        .expect("a draining target is still listed");
    assert_eq!(state, TargetHealthStateEnum::Draining);
    assert_eq!(reason.as_deref(), Some("Target.DeregistrationInProgress"));
    // Nothing is in flight to it, so the data plane ends its draining before the 30 s.
    berth_testkit::wait_for("the drained target to be gone", TIMEOUT, || async {
        health_of(&elb, &lb.target_group, webs[1].host_port)
            .await
            .is_none()
            .then_some(())
    })
    .await;
    wait_for_health(
        &elb,
        &lb.target_group,
        webs[0].host_port,
        TargetHealthStateEnum::Unhealthy,
        Some("Target.ResponseCodeMismatch"),
    )
    .await;
    let described = elb
        .describe_target_health()
        .target_group_arn(&lb.target_group)
        .send()
        .await
        .expect("DescribeTargetHealth");
    let description = described.target_health_descriptions()[0]
        .target_health()
        .and_then(|h| h.description())
        .unwrap_or_default()
        .to_owned();
    assert!(description.contains("404"), "{description}");
    // The only target left is unhealthy: ELB fails open, so it still answers.
    let (status, _) = get(port, "/").await.expect("an answer");
    assert_eq!(status, 200);
}

/// A listener whose port another process holds cannot be served: the load balancer is
/// `failed`, and its state's reason names the port.
#[tokio::test]
async fn a_listener_that_cannot_bind_fails_its_load_balancer_visibly() {
    let cluster = TestCluster::with(Options {
        load_balancer: true,
        ..Options::default()
    })
    .await;
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port to hold");
    let port = taken.local_addr().expect("its address").port();
    let elb = client(&cluster);
    let lb = balancer(&elb, "blocked", port, 0, TargetTypeEnum::Ip).await;
    wait_for_state(&elb, &lb.load_balancer, LoadBalancerStateEnum::Failed).await;
    let described = elb
        .describe_load_balancers()
        .load_balancer_arns(&lb.load_balancer)
        .send()
        .await
        .expect("DescribeLoadBalancers");
    let reason = described.load_balancers()[0]
        .state()
        .and_then(|s| s.reason())
        .unwrap_or_default()
        .to_owned();
    assert!(
        reason.contains(&format!("port {port}")) && reason.contains("cannot listen"),
        "{reason}"
    );
    drop(taken);
}
