//! Targets and configurations changing under a running load balancer: health transitions
//! with thresholds, fail-open, draining, the retry on a refused connection, configuration
//! changes under load, removed listeners, TCP passthrough, and bounds on bad input.

mod common;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use berth_api::lb::{
    Condition, FixedResponse, HealthCheck, HealthCheckPort, LoadBalancerType, Protocol, Rule,
    TargetHealthReason, TargetHealthState, TargetState,
};
use common::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn snapshot_target(
    lb: &TestLb,
    group: &str,
    backend: &Backend,
) -> berth_api::lb::TargetHealthObservation {
    lb.lb
        .snapshot()
        .target_groups
        .into_iter()
        .find(|g| g.target_group_arn == group)
        .unwrap()
        .targets
        .into_iter()
        .find(|t| t.port == backend.address.port())
        .unwrap()
}

#[tokio::test]
async fn failing_targets_leave_rotation_within_the_thresholds_and_come_back() {
    let a = Backend::start("a").await;
    let b = Backend::start("b").await;
    let port = free_port();
    let mut group = http_group("tg", &[&a, &b]);
    group.health_check.unhealthy_threshold = 3;
    group.health_check.matcher = "200,204".into();
    let cfg = single(port, group);
    let lb = TestLb::start(&cfg);
    // Registration, then initial health checking, then healthy.
    let first = snapshot_target(&lb, "tg", &a);
    assert_eq!(first.state, TargetHealthState::Initial);
    assert_eq!(
        first.reason,
        Some(TargetHealthReason::ElbRegistrationInProgress)
    );
    lb.wait_state("tg", &[&a, &b], TargetHealthState::Healthy)
        .await;
    assert_eq!(snapshot_target(&lb, "tg", &a).reason, None);

    let failed_at = Instant::now();
    b.set_health(500);
    lb.wait_state("tg", &[&b], TargetHealthState::Unhealthy)
        .await;
    let took = failed_at.elapsed();
    // Three failures at 100 ms: about 200-300 ms, never before the third check.
    assert!(
        took >= Duration::from_millis(190) && took < Duration::from_secs(2),
        "{took:?}"
    );
    let observation = snapshot_target(&lb, "tg", &b);
    assert_eq!(
        observation.reason,
        Some(TargetHealthReason::TargetResponseCodeMismatch)
    );
    assert_eq!(
        observation.description.as_deref(),
        Some("Health checks failed with these codes: [500]")
    );
    let client = client();
    let before = b.hits();
    for _ in 0..20 {
        assert_eq!(get(&client, port, "/").await.1, "a");
    }
    assert_eq!(b.hits(), before);

    // A matcher code other than 200 counts as healthy.
    b.set_health(204);
    lb.wait_state("tg", &[&b], TargetHealthState::Healthy).await;
    let mut seen = std::collections::HashSet::new();
    for _ in 0..4 {
        seen.insert(get(&client, port, "/").await.1);
    }
    assert_eq!(seen.len(), 2, "{seen:?}");

    // A health check that does not answer in time is a timeout.
    b.stop();
    lb.wait_state("tg", &[&b], TargetHealthState::Unhealthy)
        .await;
    assert_eq!(
        snapshot_target(&lb, "tg", &b).reason,
        Some(TargetHealthReason::TargetFailedHealthChecks)
    );
}

#[tokio::test]
async fn every_target_unhealthy_fails_open() {
    let a = Backend::start("a").await;
    let b = Backend::start("b").await;
    let port = free_port();
    let lb = TestLb::start(&single(port, http_group("tg", &[&a, &b])));
    a.set_health(503);
    b.set_health(503);
    lb.wait_state("tg", &[&a, &b], TargetHealthState::Unhealthy)
        .await;
    let client = client();
    for _ in 0..10 {
        assert_eq!(get(&client, port, "/").await.0, 200);
    }
    assert_eq!(a.hits() + b.hits(), 10);
    assert!(a.hits() > 0 && b.hits() > 0);
}

#[tokio::test]
async fn timeouts_have_their_reason_and_unused_groups_are_not_checked() {
    // A "target" that accepts but never answers.
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let silent_port = silent.local_addr().unwrap().port();
    let accepted = Arc::new(AtomicUsize::new(0));
    let counter = accepted.clone();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = silent.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            held.push(stream);
        }
    });
    let idle = Backend::start("idle").await;
    let port = free_port();
    let mut group = http_group("tg", &[]);
    group.targets.push(berth_api::lb::Target {
        ip: "127.0.0.1".parse().unwrap(),
        port: silent_port,
        state: TargetState::Registered,
    });
    let lb = TestLb::start(&config(
        1,
        vec![application(vec![http_listener(
            port,
            forward("tg"),
            vec![],
        )])],
        vec![group, http_group("tg-unused", &[&idle])],
    ));
    wait_for(
        "the silent target to time out",
        Duration::from_secs(5),
        || async {
            let snapshot = lb.lb.snapshot();
            let target = &snapshot.target_groups[0].targets[0];
            (target.state == TargetHealthState::Unhealthy).then_some(target.reason)
        },
    )
    .await
    .filter(|reason| *reason == TargetHealthReason::TargetTimeout)
    .expect("Target.Timeout");
    let unused = snapshot_target(&lb, "tg-unused", &idle);
    assert_eq!(unused.state, TargetHealthState::Unused);
    assert_eq!(unused.reason, Some(TargetHealthReason::TargetNotInUse));
    assert_eq!(
        unused.description.as_deref(),
        Some("Target group is not configured to receive traffic from the load balancer")
    );
}

#[tokio::test]
async fn draining_targets_finish_their_requests_and_get_no_new_ones() {
    let a = Backend::start("a").await;
    let b = Backend::start("b").await;
    let port = free_port();
    let cfg = single(port, http_group("tg", &[&a, &b]));
    let lb = TestLb::start(&cfg);
    lb.wait_state("tg", &[&a, &b], TargetHealthState::Healthy)
        .await;
    let client = client();
    // A request in flight on each target.
    let slow = spawn_slow_gets(&client, port, 2);
    wait_for(
        "both slow requests to arrive",
        Duration::from_secs(5),
        || async {
            (a.slow_waiting.load(Ordering::SeqCst) == 1
                && b.slow_waiting.load(Ordering::SeqCst) == 1)
                .then_some(())
        },
    )
    .await;
    let mut draining = cfg.clone();
    draining.generation = 2;
    draining.target_groups[0].targets[1].state = TargetState::Draining {
        deadline_unix_ms: unix_ms() + 60_000,
    };
    lb.lb.apply(&draining).unwrap();
    let observation = snapshot_target(&lb, "tg", &b);
    assert_eq!(observation.state, TargetHealthState::Draining);
    assert_eq!(
        observation.reason,
        Some(TargetHealthReason::TargetDeregistrationInProgress)
    );
    let before = b.hits();
    for _ in 0..10 {
        assert_eq!(get(&client, port, "/").await.1, "a");
    }
    assert_eq!(b.hits(), before, "a draining target got a new request");
    // Its request in flight still finishes, then it is drained at once (not at the
    // deadline a minute away).
    b.release.notify_waiters();
    a.release.notify_waiters();
    for task in slow {
        assert_eq!(task.await.unwrap().0, 200);
    }
    wait_for(
        "the drained target to be reported",
        Duration::from_secs(5),
        || async {
            let observation = snapshot_target(&lb, "tg", &b);
            (observation.state == TargetHealthState::Unused
                && observation.reason == Some(TargetHealthReason::TargetNotRegistered))
            .then_some(())
        },
    )
    .await;
    assert_eq!(*lb.health.borrow(), lb.lb.snapshot());
}

#[tokio::test]
async fn a_drain_deadline_closes_long_connections() {
    let web = Backend::start("web").await;
    let port = free_port();
    let cfg = single(port, http_group("tg", &[&web]));
    let lb = TestLb::start(&cfg);
    lb.wait_state("tg", &[&web], TargetHealthState::Healthy)
        .await;
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    stream
        .write_all(b"GET /ws HTTP/1.1\r\nHost: x\r\nConnection: upgrade\r\nUpgrade: echo\r\n\r\n")
        .await
        .unwrap();
    let mut buf = [0u8; 1024];
    let n = stream.read(&mut buf).await.unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 101"));
    let mut draining = cfg.clone();
    draining.generation = 2;
    draining.target_groups[0].targets[0].state = TargetState::Draining {
        deadline_unix_ms: unix_ms() + 300,
    };
    let applied = Instant::now();
    lb.lb.apply(&draining).unwrap();
    // The tunnel is in flight, so the target drains until the deadline, then the
    // tunnel is closed.
    let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf))
        .await
        .expect("the tunnel closes at the deadline")
        .unwrap_or(0);
    assert_eq!(n, 0);
    assert!(applied.elapsed() >= Duration::from_millis(250));
    wait_for("the drained target", Duration::from_secs(5), || async {
        (snapshot_target(&lb, "tg", &web).state == TargetHealthState::Unused).then_some(())
    })
    .await;
}

#[tokio::test]
async fn a_refused_connection_is_retried_on_another_target() {
    let a = Backend::start("a").await;
    let b = Backend::start("b").await;
    let port = free_port();
    let mut group = http_group("tg", &[&a, &b]);
    // Slow health checks: the dead target stays "healthy" for the whole test.
    group.health_check.interval_ms = 60_000;
    group.health_check.timeout_ms = 1000;
    group.health_check.healthy_threshold = 1;
    let lb = TestLb::start(&single(port, group));
    lb.wait_state("tg", &[&a, &b], TargetHealthState::Healthy)
        .await;
    b.stop();
    let client = client();
    for method in [
        reqwest::Method::GET,
        reqwest::Method::HEAD,
        reqwest::Method::OPTIONS,
        reqwest::Method::PUT,
        reqwest::Method::DELETE,
    ] {
        for _ in 0..4 {
            // A fresh connection each time (no pool on the client side).
            let response = client
                .request(method.clone(), format!("http://127.0.0.1:{port}/"))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "{method}");
        }
    }
    assert_eq!(
        snapshot_target(&lb, "tg", &b).state,
        TargetHealthState::Healthy
    );
    // A POST is not idempotent: when it lands on the dead target it gets ELB's 502.
    let mut statuses = Vec::new();
    for _ in 0..4 {
        let response = client
            .post(format!("http://127.0.0.1:{port}/"))
            .body("payload")
            .send()
            .await
            .unwrap();
        statuses.push(response.status().as_u16());
    }
    assert!(statuses.contains(&502), "{statuses:?}");
    assert!(statuses.contains(&200), "{statuses:?}");
}

#[tokio::test]
async fn target_connections_are_pooled_across_requests_and_configuration_changes() {
    let web = Backend::start("web").await;
    let port = free_port();
    let mut group = http_group("tg", &[&web]);
    // No health checks: every connection the backend sees is the proxy's.
    group.health_check.enabled = false;
    let cfg = single(port, group);
    let lb = TestLb::start(&cfg);
    lb.wait_state("tg", &[&web], TargetHealthState::Unavailable)
        .await;
    assert_eq!(
        snapshot_target(&lb, "tg", &web).reason,
        Some(TargetHealthReason::TargetHealthCheckDisabled)
    );
    let client = client();
    for _ in 0..50 {
        assert_eq!(get(&client, port, "/").await.0, 200);
    }
    // HEAD answers have no body to read to the end; the connection still goes back.
    for _ in 0..10 {
        let response = client
            .head(format!("http://127.0.0.1:{port}/"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
    }
    assert_eq!(web.connections.load(Ordering::SeqCst), 1);
    // A new rule set and a new idle timeout keep the target, so they keep its pool.
    let mut next = cfg.clone();
    next.generation = 2;
    next.load_balancers[0].idle_timeout_ms = 30_000;
    next.load_balancers[0].listeners[0].rules = vec![Rule {
        arn: "rule".into(),
        priority: 1,
        conditions: vec![Condition::PathPattern {
            values: vec!["/elsewhere".into()],
        }],
        action: berth_api::lb::Action::FixedResponse(FixedResponse {
            status_code: 404,
            content_type: None,
            message_body: None,
        }),
    }];
    lb.lb.apply(&next).unwrap();
    for _ in 0..50 {
        assert_eq!(get(&client, port, "/").await.0, 200);
    }
    assert_eq!(get(&client, port, "/elsewhere").await.0, 404);
    assert_eq!(web.connections.load(Ordering::SeqCst), 1);
    assert_eq!(web.hits(), 110);
}

#[tokio::test]
async fn a_group_without_targets_answers_503() {
    let port = free_port();
    let _lb = TestLb::start(&single(port, http_group("tg", &[])));
    let (status, _, body) = get(&client(), port, "/").await;
    assert_eq!(status, 503);
    assert!(body.contains("503 Service Unavailable"), "{body}");
}

#[tokio::test]
async fn configuration_changes_under_load_fail_no_request() {
    let backends = [
        Backend::start("a").await,
        Backend::start("b").await,
        Backend::start("c").await,
        Backend::start("d").await,
    ];
    let port = free_port();
    let listener_rules = |n: u32| {
        vec![Rule {
            arn: format!("rule-{n}"),
            priority: n,
            conditions: vec![Condition::PathPattern {
                values: vec![format!("/never-{n}")],
            }],
            action: forward("tg"),
        }]
    };
    let base = config(
        1,
        vec![application(vec![http_listener(
            port,
            forward("tg"),
            listener_rules(1),
        )])],
        vec![http_group("tg", &[&backends[0], &backends[1]])],
    );
    let lb = TestLb::start(&base);
    lb.wait_state(
        "tg",
        &[&backends[0], &backends[1]],
        TargetHealthState::Healthy,
    )
    .await;
    let stop = Arc::new(AtomicBool::new(false));
    let failures = Arc::new(AtomicUsize::new(0));
    let successes = Arc::new(AtomicUsize::new(0));
    let mut clients = Vec::new();
    for _ in 0..8 {
        let (stop, failures, successes) = (stop.clone(), failures.clone(), successes.clone());
        clients.push(tokio::spawn(async move {
            let client = client();
            let deadline = Instant::now() + Duration::from_secs(20);
            while !stop.load(Ordering::SeqCst) && Instant::now() < deadline {
                match client.get(format!("http://127.0.0.1:{port}/")).send().await {
                    Ok(r) if r.status() == 200 => {
                        successes.fetch_add(1, Ordering::SeqCst);
                    }
                    Ok(r) => {
                        eprintln!("status {}", r.status());
                        failures.fetch_add(1, Ordering::SeqCst);
                    }
                    Err(err) => {
                        eprintln!("error {err}");
                        failures.fetch_add(1, Ordering::SeqCst);
                    }
                }
            }
        }));
    }
    // Roll the group a,b → b,c → c,d, each new target made healthy before the old one
    // drains, as the control plane does in a deployment; change the rules on the way.
    let mut generation = 1;
    let steps: [(&[usize], &[usize]); 2] = [(&[2], &[0]), (&[3], &[1])];
    let mut current = vec![0usize, 1];
    for (add, remove) in steps {
        generation += 1;
        current.extend_from_slice(add);
        let mut next = base.clone();
        next.generation = generation;
        next.load_balancers[0].listeners[0].rules = listener_rules(generation as u32);
        let members: Vec<_> = current.iter().map(|i| &backends[*i]).collect();
        next.target_groups[0] = http_group("tg", &members);
        lb.lb.apply(&next).unwrap();
        let added: Vec<_> = add.iter().map(|i| &backends[*i]).collect();
        lb.wait_state("tg", &added, TargetHealthState::Healthy)
            .await;
        generation += 1;
        next.generation = generation;
        for target in next.target_groups[0].targets.iter_mut() {
            if remove
                .iter()
                .any(|i| backends[*i].address.port() == target.port)
            {
                target.state = TargetState::Draining {
                    deadline_unix_ms: unix_ms() + 5_000,
                };
            }
        }
        lb.lb.apply(&next).unwrap();
        let removed: Vec<_> = remove.iter().map(|i| &backends[*i]).collect();
        lb.wait_state("tg", &removed, TargetHealthState::Unused)
            .await;
        current.retain(|i| !remove.contains(i));
    }
    stop.store(true, Ordering::SeqCst);
    for client in clients {
        client.await.unwrap();
    }
    let ok = successes.load(Ordering::SeqCst);
    assert_eq!(failures.load(Ordering::SeqCst), 0, "{ok} succeeded");
    assert!(ok > 100, "only {ok} requests ran");
    assert!(backends[3].hits() > 0);
}

#[tokio::test]
async fn a_removed_listener_stops_accepting_and_drains() {
    let web = Backend::start("web").await;
    let (kept, removed) = (free_port(), free_port());
    let cfg = config(
        1,
        vec![application(vec![
            http_listener(kept, forward("tg"), vec![]),
            http_listener(removed, forward("tg"), vec![]),
        ])],
        vec![http_group("tg", &[&web])],
    );
    let lb = TestLb::start(&cfg);
    lb.wait_state("tg", &[&web], TargetHealthState::Healthy)
        .await;
    let client = client();
    let in_flight = {
        let client = client.clone();
        tokio::spawn(async move { get(&client, removed, "/slow").await })
    };
    wait_for("the slow request", Duration::from_secs(5), || async {
        (web.slow_waiting.load(Ordering::SeqCst) == 1).then_some(())
    })
    .await;
    let mut next = cfg.clone();
    next.generation = 2;
    next.load_balancers[0].listeners.pop();
    lb.lb.apply(&next).unwrap();
    wait_for(
        "the removed port to refuse",
        Duration::from_secs(5),
        || async {
            tokio::net::TcpStream::connect(("127.0.0.1", removed))
                .await
                .is_err()
                .then_some(())
        },
    )
    .await;
    assert_eq!(get(&client, kept, "/").await.0, 200);
    web.release.notify_waiters();
    assert_eq!(in_flight.await.unwrap(), (200, "web".into(), "web".into()));
}

#[tokio::test]
async fn a_refused_configuration_changes_nothing() {
    let web = Backend::start("web").await;
    let port = free_port();
    let cfg = single(port, http_group("tg", &[&web]));
    let lb = TestLb::start(&cfg);
    lb.wait_state("tg", &[&web], TargetHealthState::Healthy)
        .await;
    let mut bad = cfg.clone();
    bad.generation = 2;
    bad.load_balancers[0].listeners[0].default_action = forward("tg-missing");
    let err = lb.lb.apply(&bad).unwrap_err();
    assert!(err.to_string().contains("tg-missing"), "{err}");
    let snapshot = lb.lb.snapshot();
    assert_eq!(snapshot.generation, 1);
    assert!(snapshot.config_error.unwrap().contains("tg-missing"));
    assert_eq!(get(&client(), port, "/").await.1, "web");
}

#[tokio::test]
async fn tcp_passthrough_round_robins_connections_over_healthy_targets() {
    let echo_servers = {
        let mut servers = Vec::new();
        for name in ["one", "two", "three"] {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let address = listener.local_addr().unwrap();
            let stop = tokio_util::sync::CancellationToken::new();
            let token = stop.clone();
            tokio::spawn(async move {
                loop {
                    let (mut stream, _) = tokio::select! {
                        accepted = listener.accept() => accepted.unwrap(),
                        _ = token.cancelled() => return,
                    };
                    tokio::spawn(async move {
                        // Greets with its name, then echoes.
                        let _ = stream.write_all(format!("{name}\n").as_bytes()).await;
                        let mut buf = [0u8; 256];
                        while let Ok(n) = stream.read(&mut buf).await {
                            if n == 0 || stream.write_all(&buf[..n]).await.is_err() {
                                return;
                            }
                        }
                    });
                }
            });
            servers.push((name, address, stop));
        }
        servers
    };
    let port = free_port();
    let group = berth_api::lb::TargetGroup {
        arn: "tg-tcp".into(),
        name: "tcp".into(),
        protocol: Protocol::Tcp,
        targets: echo_servers
            .iter()
            .map(|(_, address, _)| berth_api::lb::Target {
                ip: address.ip(),
                port: address.port(),
                state: TargetState::Registered,
            })
            .collect(),
        health_check: HealthCheck {
            enabled: true,
            protocol: Protocol::Tcp,
            path: "/".into(),
            port: HealthCheckPort::TrafficPort,
            interval_ms: 100,
            timeout_ms: 80,
            healthy_threshold: 2,
            unhealthy_threshold: 2,
            matcher: "200-399".into(),
        },
        attributes: Default::default(),
    };
    let mut network = application(vec![berth_api::lb::Listener {
        arn: "tcp-listener".into(),
        port,
        protocol: Protocol::Tcp,
        certificates: vec![],
        default_action: forward("tg-tcp"),
        rules: vec![],
    }]);
    network.kind = LoadBalancerType::Network;
    let lb = TestLb::start(&config(1, vec![network], vec![group]));
    let all_healthy = || async {
        lb.lb.snapshot().target_groups[0]
            .targets
            .iter()
            .all(|t| t.state == TargetHealthState::Healthy)
            .then_some(())
    };
    wait_for("TCP targets healthy", Duration::from_secs(5), all_healthy).await;
    async fn connect_and_greet(port: u16) -> String {
        let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .unwrap();
        let mut greeting = Vec::new();
        let mut byte = [0u8; 1];
        while stream.read_exact(&mut byte).await.is_ok() && byte[0] != b'\n' {
            greeting.push(byte[0]);
        }
        stream.write_all(b"ping").await.unwrap();
        let mut echo = [0u8; 4];
        stream.read_exact(&mut echo).await.unwrap();
        assert_eq!(&echo, b"ping");
        String::from_utf8(greeting).unwrap()
    }
    let mut counts = std::collections::HashMap::new();
    for _ in 0..9 {
        *counts.entry(connect_and_greet(port).await).or_insert(0) += 1;
    }
    assert_eq!(counts.len(), 3, "{counts:?}");
    assert!(counts.values().all(|n| *n == 3), "{counts:?}");
    // A target that stops listening fails its TCP checks and gets no connections.
    echo_servers[0].2.cancel();
    wait_for(
        "the stopped TCP target to be unhealthy",
        Duration::from_secs(5),
        || async {
            (lb.lb.snapshot().target_groups[0].targets[0].state == TargetHealthState::Unhealthy)
                .then_some(())
        },
    )
    .await;
    for _ in 0..6 {
        assert_ne!(connect_and_greet(port).await, "one");
    }
}

#[tokio::test]
async fn bad_input_is_bounded() {
    let web = Backend::start("web").await;
    let port = free_port();
    let limits = berth_lb::Limits {
        max_pending_requests: 2,
        ..Default::default()
    };
    let lb = TestLb::start_with(&single(port, http_group("tg", &[&web])), limits);
    lb.wait_state("tg", &[&web], TargetHealthState::Healthy)
        .await;
    let client = client();
    // Headers over 64 KiB: 431, and the target never sees them.
    let hits = web.hits();
    let response = client
        .get(format!("http://127.0.0.1:{port}/"))
        .header("x-big", "a".repeat(70 * 1024))
        .send()
        .await;
    match response {
        Ok(response) => assert_eq!(response.status().as_u16(), 431),
        Err(err) => assert!(err.is_request() || err.is_body(), "{err}"),
    }
    assert_eq!(web.hits(), hits);
    // Garbage instead of HTTP: a 400 and a closed connection, no panic.
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    stream
        .write_all(b"\x00\x01NOT HTTP AT ALL\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 400"),
        "{answer}"
    );
    // More pending requests than the limit: the rest get 503 at once.
    let parked = spawn_slow_gets(&client, port, 2);
    wait_for("two parked requests", Duration::from_secs(5), || async {
        (web.slow_waiting.load(Ordering::SeqCst) == 2).then_some(())
    })
    .await;
    assert_eq!(get(&client, port, "/").await.0, 503);
    web.release.notify_waiters();
    for task in parked {
        assert_eq!(task.await.unwrap().0, 200);
    }
    assert_eq!(get(&client, port, "/").await.0, 200);
    // The listener survived all of it.
    let fixed = berth_api::lb::Action::FixedResponse(FixedResponse {
        status_code: 200,
        content_type: None,
        message_body: Some("still here".into()),
    });
    let mut next = config(
        2,
        vec![application(vec![http_listener(port, fixed, vec![])])],
        vec![http_group("tg", &[&web])],
    );
    next.load_balancers[0].idle_timeout_ms = 1000;
    lb.lb.apply(&next).unwrap();
    assert_eq!(get(&client, port, "/").await.2, "still here");
}

fn unix_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
}
