//! `berth lb --server URL --token T`, the data plane as its own process, against `berth
//! server --no-load-balancer` over TLS (separate processes of the `berth` binary; the
//! target is a real busybox httpd container), and the `/lb/v1` channel's refusals.
//!
//! Covered: a load-balancer join token from `berth join-token create --load-balancer`
//! (pinning the server's CA); the configuration made through `aws-sdk-elasticloadbalancingv2`
//! served by the remote process, its health reported back (`healthy`, `active`); a `kill
//! -9` of `berth lb` and its restart without a token, serving the same port and target,
//! with the server up and with the server down; and, in-process, bad input on the channel:
//! a wrong credential, an agent's join token, an oversized or malformed health report.
//!
//! The process test needs `target/debug/berth` (`cargo build -p berth`).

mod lb_wiring_support;
mod multihost_support;

use std::path::Path;
use std::process::Command;

use aws_sdk_elasticloadbalancingv2 as elbv2;
use berth_testkit::{docker, docker_available, wait_for, TestCluster};
use elbv2::types::{LoadBalancerStateEnum, TargetHealthStateEnum, TargetTypeEnum};
use lb_wiring_support::{
    balancer, free_port, get, target, wait_for_health, wait_for_state, TIMEOUT,
};
use multihost_support::{Proc, ServerProc};

/// A busybox httpd container published on a loopback port, removed on drop.
struct WebContainer {
    id: String,
    port: u16,
}

impl WebContainer {
    fn start() -> Self {
        let id = docker(&[
            "run",
            "-d",
            "--label",
            "com.berth.test=lb-wiring-remote",
            "-p",
            "127.0.0.1::80",
            &berth_testkit::test_image(),
            "sh",
            "-c",
            "mkdir -p /www && hostname > /www/index.html && echo ok > /www/health && exec httpd -f -p 80 -h /www",
        ])
        .trim()
        .to_owned();
        let mapped = docker(&["port", &id, "80/tcp"]);
        let port = mapped
            .lines()
            .find_map(|l| l.trim().strip_prefix("127.0.0.1:")?.parse().ok())
            .unwrap_or_else(|| panic!("no loopback port in {mapped:?}"));
        Self { id, port }
    }
}

impl Drop for WebContainer {
    fn drop(&mut self) {
        let _ = Command::new("docker").args(["rm", "-f", &self.id]).output();
    }
}

fn lb_proc(root: &Path, server: &ServerProc, token: Option<&str>) -> Proc {
    let dir = root.join("lb").display().to_string();
    let endpoint = server.endpoint();
    let mut args = vec!["lb", "--server", &endpoint, "--data-dir", &dir];
    if let Some(token) = token {
        args.extend(["--token", token]);
    }
    Proc::spawn("lb", root, &args)
}

/// Waits until the listener answers `GET /` with `body`.
async fn wait_for_answer(port: u16, body: &str) {
    wait_for(&format!("{body} through :{port}"), TIMEOUT, || async {
        let (status, seen) = get(port, "/").await?;
        (status == 200 && seen == body).then_some(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn berth_lb_serves_the_servers_configuration_and_survives_kill_9() {
    if !docker_available() {
        return;
    }
    berth_testkit::init_logging();
    let root = tempfile::tempdir().expect("a temporary directory");
    // The server leaves load balancing to `berth lb` (one data plane per port and host).
    let mut server = ServerProc::start_with_args(root.path(), &["--no-load-balancer"]).await;
    let web = WebContainer::start();
    let hostname = docker(&["exec", &web.id, "hostname"]).trim().to_owned();

    let elb = server.elbv2_client();
    let port = free_port();
    let balancer = balancer(&elb, "remote", port, 5, TargetTypeEnum::Ip).await;
    let (lb_arn, tg_arn) = (balancer.load_balancer, balancer.target_group);
    elb.register_targets()
        .target_group_arn(&tg_arn)
        .targets(target("127.0.0.1", web.port))
        .send()
        .await
        .expect("RegisterTargets");

    // Nothing serves the listener until a data plane joins.
    assert!(get(port, "/").await.is_none(), "no data plane yet");
    // A token that pins the server's CA (`load_balancer_token` checks it).
    let token = server.load_balancer_token();
    let mut lb = lb_proc(root.path(), &server, Some(&token));
    wait_for_answer(port, &hostname).await;
    wait_for_state(&elb, &lb_arn, LoadBalancerStateEnum::Active).await;
    wait_for_health(
        &elb,
        &tg_arn,
        web.port,
        TargetHealthStateEnum::Healthy,
        None,
    )
    .await;

    // kill -9 and a restart without a token: the kept credential and configuration.
    lb.kill();
    assert!(get(port, "/").await.is_none(), "the listener died with it");
    lb = lb_proc(root.path(), &server, None);
    wait_for_answer(port, &hostname).await;
    lb.assert_running();

    // Again with the server down: the saved configuration is served at once.
    lb.kill();
    server.kill();
    lb = lb_proc(root.path(), &server, None);
    wait_for_answer(port, &hostname).await;
    lb.assert_running();
    assert!(
        lb.log().contains("serving the saved configuration"),
        "{}",
        lb.log()
    );
    drop(lb);
    drop(server);
}

/// The channel refuses what it must: no or a wrong credential, an agent's join token, a
/// malformed or oversized health report; and none of them changes the observed state.
#[tokio::test]
async fn the_channel_refuses_bad_credentials_and_bad_reports() {
    let cluster = TestCluster::start().await;
    let app = &cluster.server.app;
    let http = reqwest::Client::new();
    let base = cluster.endpoint();

    let agent_token = app
        .create_join_token("default", false)
        .await
        .expect("an agent join token");
    let refused = http
        .post(format!("{base}/lb/v1/register"))
        .bearer_auth(&agent_token)
        .json(&serde_json::json!({ "name": "lb-1" }))
        .send()
        .await
        .expect("an answer");
    assert_eq!(
        refused.status(),
        401,
        "an agent's token is not a load balancer's"
    );

    let token = app
        .create_load_balancer_join_token(false)
        .await
        .expect("a load balancer join token");
    let registered: serde_json::Value = http
        .post(format!("{base}/lb/v1/register"))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "name": "lb-1" }))
        .send()
        .await
        .expect("an answer")
        .json()
        .await
        .expect("a credential");
    let credential = registered["credential"].as_str().expect("a credential");
    let again = http
        .post(format!("{base}/lb/v1/register"))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "name": "lb-2" }))
        .send()
        .await
        .expect("an answer");
    assert_eq!(again.status(), 401, "a one-time token works once");

    for bearer in [None, Some("not-a-credential")] {
        let mut config = http.get(format!("{base}/lb/v1/config?after=0&wait_ms=0"));
        let mut health = http
            .post(format!("{base}/lb/v1/health"))
            .json(&berth_api::lb::HealthSnapshot::default());
        if let Some(bearer) = bearer {
            config = config.bearer_auth(bearer);
            health = health.bearer_auth(bearer);
        }
        assert_eq!(config.send().await.expect("an answer").status(), 401);
        assert_eq!(health.send().await.expect("an answer").status(), 401);
    }
    let config = http
        .get(format!("{base}/lb/v1/config?after=0&wait_ms=0"))
        .bearer_auth(credential)
        .send()
        .await
        .expect("an answer");
    assert_eq!(config.status(), 200);
    let _: berth_api::lb::LbConfig = config.json().await.expect("an LbConfig");

    let oversized = vec![b' '; berth_server::data_plane::MAX_HEALTH_BYTES + 1];
    let too_big = http
        .post(format!("{base}/lb/v1/health"))
        .bearer_auth(credential)
        .header("content-type", "application/json")
        .body(oversized)
        .send()
        .await
        .expect("an answer");
    assert_eq!(too_big.status(), 413);
    let malformed = http
        .post(format!("{base}/lb/v1/health"))
        .bearer_auth(credential)
        .header("content-type", "application/json")
        .body("{\"generation\": \"yes\"}")
        .send()
        .await
        .expect("an answer");
    assert_eq!(malformed.status(), 400);
    let body = malformed.text().await.unwrap_or_default();
    assert!(body.contains("Malformed health snapshot"), "{body}");
    let fine = http
        .post(format!("{base}/lb/v1/health"))
        .bearer_auth(credential)
        .json(&berth_api::lb::HealthSnapshot::default())
        .send()
        .await
        .expect("an answer");
    assert_eq!(fine.status(), 204);
}
