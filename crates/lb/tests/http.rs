//! Application load balancer behaviour through real sockets: rules of every condition
//! type and their priorities, weighted forwards, stickiness, least outstanding requests,
//! redirects and fixed responses, `X-Forwarded-*`, WebSocket upgrades, HTTP/2 from
//! clients, and HTTPS with a generated certificate.

mod common;

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use berth_api::lb::{
    Action, Algorithm, CertificateFiles, Condition, FixedResponse, GroupStickiness, Protocol,
    QueryStringPair, Redirect, Rule, TargetHealthState, WeightedTargetGroup,
};
use bytes::Bytes;
use common::*;
use http_body_util::{BodyExt, Empty};
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn rule(priority: u32, conditions: Vec<Condition>, action: Action) -> Rule {
    Rule {
        arn: format!("rule-{priority}"),
        priority,
        conditions,
        action,
    }
}

fn fixed(status: u16, body: &str) -> Action {
    Action::FixedResponse(FixedResponse {
        status_code: status,
        content_type: Some("text/plain".into()),
        message_body: Some(body.into()),
    })
}

#[tokio::test]
async fn rules_route_by_each_condition_in_priority_order() {
    let api = Backend::start("api").await;
    let web = Backend::start("web").await;
    let port = free_port();
    let rules = vec![
        // Lower priority numbers win even when listed later.
        rule(
            50,
            vec![Condition::PathPattern {
                values: vec!["/api/*".into()],
            }],
            forward("tg-api"),
        ),
        rule(
            10,
            vec![Condition::PathPattern {
                values: vec!["/api/admin*".into()],
            }],
            fixed(403, "admin is closed"),
        ),
        rule(
            20,
            vec![Condition::HostHeader {
                values: vec!["*.example.com".into()],
            }],
            fixed(200, "host rule"),
        ),
        rule(
            30,
            vec![Condition::HttpHeader {
                name: "X-Canary".into(),
                values: vec!["y?s".into()],
            }],
            fixed(200, "header rule"),
        ),
        rule(
            40,
            vec![Condition::HttpRequestMethod {
                values: vec!["DELETE".into()],
            }],
            fixed(405, "method rule"),
        ),
        rule(
            45,
            vec![Condition::QueryString {
                values: vec![QueryStringPair {
                    key: Some("version".into()),
                    value: "v2*".into(),
                }],
            }],
            fixed(200, "query rule"),
        ),
        rule(
            60,
            vec![Condition::SourceIp {
                values: vec!["10.0.0.0/8".into()],
            }],
            fixed(200, "source rule"),
        ),
        // Two conditions: both must match.
        rule(
            70,
            vec![
                Condition::PathPattern {
                    values: vec!["/both".into()],
                },
                Condition::HttpRequestMethod {
                    values: vec!["POST".into()],
                },
            ],
            fixed(200, "both rule"),
        ),
    ];
    let lb = TestLb::start(&config(
        1,
        vec![application(vec![http_listener(
            port,
            forward("tg-web"),
            rules,
        )])],
        vec![http_group("tg-api", &[&api]), http_group("tg-web", &[&web])],
    ));
    lb.wait_state("tg-api", &[&api], TargetHealthState::Healthy)
        .await;
    lb.wait_state("tg-web", &[&web], TargetHealthState::Healthy)
        .await;
    let client = client();
    let base = format!("http://127.0.0.1:{port}");

    assert_eq!(get(&client, port, "/api/users").await.1, "api");
    let (status, _, body) = get(&client, port, "/api/admin/x").await;
    assert_eq!((status, body.as_str()), (403, "admin is closed"));
    // Path patterns are case-sensitive: /API falls through to the default.
    assert_eq!(get(&client, port, "/API/users").await.1, "web");
    let text = |r: reqwest::Response| async move { r.text().await.unwrap() };
    let host = client
        .get(format!("{base}/"))
        .header("host", "Shop.EXAMPLE.com:8080")
        .send()
        .await
        .unwrap();
    assert_eq!(text(host).await, "host rule");
    let header = client
        .get(format!("{base}/"))
        .header("x-canary", "YES")
        .send()
        .await
        .unwrap();
    assert_eq!(text(header).await, "header rule");
    let header = client
        .get(format!("{base}/"))
        .header("x-canary", "yeah")
        .send()
        .await
        .unwrap();
    assert_eq!(text(header).await, "web");
    let delete = client.delete(format!("{base}/x")).send().await.unwrap();
    assert_eq!(delete.status().as_u16(), 405);
    assert_eq!(
        get(&client, port, "/?a=1&VERSION=V2.1").await.2,
        "query rule"
    );
    assert_eq!(get(&client, port, "/?version=v1").await.2, "web");
    // The client is 127.0.0.1, outside 10.0.0.0/8.
    assert_eq!(get(&client, port, "/").await.2, "web");
    let post = client.post(format!("{base}/both")).send().await.unwrap();
    assert_eq!(text(post).await, "both rule");
    assert_eq!(get(&client, port, "/both").await.2, "web");
}

#[tokio::test]
async fn source_ip_rules_match_the_connection_address() {
    let web = Backend::start("web").await;
    let port = free_port();
    let rules = vec![rule(
        1,
        vec![Condition::SourceIp {
            values: vec!["127.0.0.0/8".into()],
        }],
        fixed(200, "loopback"),
    )];
    let _lb = TestLb::start(&config(
        1,
        vec![application(vec![http_listener(port, forward("tg"), rules)])],
        vec![http_group("tg", &[&web])],
    ));
    let client = client();
    // X-Forwarded-For does not count, the socket does.
    let response = client
        .get(format!("http://127.0.0.1:{port}/"))
        .header("x-forwarded-for", "203.0.113.9")
        .send()
        .await
        .unwrap();
    assert_eq!(response.text().await.unwrap(), "loopback");
}

#[tokio::test]
async fn weighted_forward_splits_within_ten_percent() {
    let blue = Backend::start("blue").await;
    let green = Backend::start("green").await;
    let port = free_port();
    let action = Action::Forward {
        target_groups: vec![
            WeightedTargetGroup {
                target_group_arn: "tg-blue".into(),
                weight: 80,
            },
            WeightedTargetGroup {
                target_group_arn: "tg-green".into(),
                weight: 20,
            },
        ],
        stickiness: None,
    };
    let lb = TestLb::start(&config(
        1,
        vec![application(vec![http_listener(port, action, vec![])])],
        vec![
            http_group("tg-blue", &[&blue]),
            http_group("tg-green", &[&green]),
        ],
    ));
    lb.wait_state("tg-blue", &[&blue], TargetHealthState::Healthy)
        .await;
    lb.wait_state("tg-green", &[&green], TargetHealthState::Healthy)
        .await;
    let client = client();
    for _ in 0..1000 {
        assert_eq!(get(&client, port, "/").await.0, 200);
    }
    let (b, g) = (blue.hits(), green.hits());
    assert_eq!(b + g, 1000);
    assert!(
        (720..=880).contains(&b),
        "blue got {b} of 1000, want 800 ± 10%"
    );
    assert!(
        (180..=220).contains(&g),
        "green got {g} of 1000, want 200 ± 10%"
    );
}

#[tokio::test]
async fn round_robin_spreads_evenly_over_healthy_targets() {
    let backends = [
        Backend::start("a").await,
        Backend::start("b").await,
        Backend::start("c").await,
    ];
    let port = free_port();
    let group = http_group("tg", &backends.iter().collect::<Vec<_>>());
    let lb = TestLb::start(&single(port, group));
    lb.wait_state(
        "tg",
        &backends.iter().collect::<Vec<_>>(),
        TargetHealthState::Healthy,
    )
    .await;
    let client = client();
    for _ in 0..300 {
        get(&client, port, "/").await;
    }
    for backend in &backends {
        assert_eq!(
            backend.hits(),
            100,
            "{} got {}",
            backend.name,
            backend.hits()
        );
    }
}

#[tokio::test]
async fn lb_cookie_stickiness_keeps_a_client_on_its_target() {
    let a = Backend::start("a").await;
    let b = Backend::start("b").await;
    let port = free_port();
    let mut group = http_group("tg", &[&a, &b]);
    group.attributes.stickiness_enabled = true;
    group.attributes.stickiness_duration_seconds = 120;
    let lb = TestLb::start(&single(port, group));
    lb.wait_state("tg", &[&a, &b], TargetHealthState::Healthy)
        .await;
    // A cookie store: reqwest sends back what it was given.
    let first = client()
        .get(format!("http://127.0.0.1:{port}/"))
        .send()
        .await
        .unwrap();
    let cookie = first
        .headers()
        .get("set-cookie")
        .expect("an AWSALB cookie")
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("AWSALB="), "{cookie}");
    assert!(cookie.contains("Max-Age=120"), "{cookie}");
    let first_backend = first.headers()["x-backend"].to_str().unwrap().to_owned();
    let value = cookie.split(';').next().unwrap().to_owned();
    let client = client();
    for _ in 0..20 {
        let response = client
            .get(format!("http://127.0.0.1:{port}/"))
            .header("cookie", &value)
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["x-backend"], first_backend.as_str());
        // A sticky hit needs no new cookie.
        assert!(response.headers().get("set-cookie").is_none());
    }
    // Without the cookie, round robin reaches both.
    let mut seen = std::collections::HashSet::new();
    for _ in 0..4 {
        seen.insert(get(&client, port, "/").await.1);
    }
    assert_eq!(seen.len(), 2);
}

#[tokio::test]
async fn group_stickiness_keeps_a_client_on_its_target_group() {
    let blue = Backend::start("blue").await;
    let green = Backend::start("green").await;
    let port = free_port();
    let action = Action::Forward {
        target_groups: vec![
            WeightedTargetGroup {
                target_group_arn: "tg-blue".into(),
                weight: 1,
            },
            WeightedTargetGroup {
                target_group_arn: "tg-green".into(),
                weight: 1,
            },
        ],
        stickiness: Some(GroupStickiness {
            enabled: true,
            duration_seconds: 60,
        }),
    };
    let lb = TestLb::start(&config(
        1,
        vec![application(vec![http_listener(port, action, vec![])])],
        vec![
            http_group("tg-blue", &[&blue]),
            http_group("tg-green", &[&green]),
        ],
    ));
    lb.wait_state("tg-blue", &[&blue], TargetHealthState::Healthy)
        .await;
    lb.wait_state("tg-green", &[&green], TargetHealthState::Healthy)
        .await;
    let client = client();
    let first = client
        .get(format!("http://127.0.0.1:{port}/"))
        .send()
        .await
        .unwrap();
    let group_cookie = first
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("AWSALBTG="))
        .expect("an AWSALBTG cookie");
    let chosen = first.headers()["x-backend"].to_str().unwrap().to_owned();
    let value = group_cookie.split(';').next().unwrap().to_owned();
    for _ in 0..10 {
        let response = client
            .get(format!("http://127.0.0.1:{port}/"))
            .header("cookie", &value)
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["x-backend"], chosen.as_str());
    }
}

#[tokio::test]
async fn least_outstanding_requests_avoids_the_busy_target() {
    let busy = Backend::start("busy").await;
    let idle = Backend::start("idle").await;
    let port = free_port();
    let mut group = http_group("tg", &[&busy, &idle]);
    group.attributes.algorithm = Algorithm::LeastOutstandingRequests;
    let lb = TestLb::start(&single(port, group));
    lb.wait_state("tg", &[&busy, &idle], TargetHealthState::Healthy)
        .await;
    let client = client();
    // Four slow requests, spread over both targets; then the "idle" one answers its.
    let parked = spawn_slow_gets(&client, port, 4);
    let waiting =
        || busy.slow_waiting.load(Ordering::SeqCst) + idle.slow_waiting.load(Ordering::SeqCst);
    wait_for(
        "the slow requests to arrive",
        Duration::from_secs(5),
        || async { (waiting() == 4).then_some(()) },
    )
    .await;
    assert!(busy.slow_waiting.load(Ordering::SeqCst) > 0);
    let idle_parked = idle.slow_waiting.load(Ordering::SeqCst);
    idle.release.notify_waiters();
    wait_for(
        "the idle target's requests to finish",
        Duration::from_secs(5),
        || async {
            let snapshot = lb.lb.snapshot();
            let idle_in_flight = snapshot.target_groups[0]
                .targets
                .iter()
                .find(|t| t.port == idle.address.port())
                .unwrap()
                .in_flight;
            (idle.slow_waiting.load(Ordering::SeqCst) == 0 && idle_in_flight == 0).then_some(())
        },
    )
    .await;
    let before = busy.hits();
    for _ in 0..20 {
        assert_eq!(get(&client, port, "/").await.1, "idle");
    }
    assert_eq!(
        busy.hits(),
        before,
        "{idle_parked} of 4 slow requests went to idle"
    );
    busy.release.notify_waiters();
    for task in parked {
        assert_eq!(task.await.unwrap().0, 200);
    }
}

#[tokio::test]
async fn redirects_substitute_the_request_and_fixed_responses_answer() {
    let port = free_port();
    let rules = vec![
        rule(
            1,
            vec![Condition::PathPattern {
                values: vec!["/old/*".into()],
            }],
            Action::Redirect(Redirect {
                protocol: Some("HTTPS".into()),
                host: Some("new.#{host}".into()),
                port: Some("443".into()),
                path: Some("/new/#{path}".into()),
                query: Some("#{query}&from=old".into()),
                status_code: 301,
            }),
        ),
        rule(
            2,
            vec![Condition::PathPattern {
                values: vec!["/temp".into()],
            }],
            Action::Redirect(Redirect {
                protocol: None,
                host: None,
                port: Some("9999".into()),
                path: None,
                query: None,
                status_code: 302,
            }),
        ),
    ];
    let default = Action::FixedResponse(FixedResponse {
        status_code: 503,
        content_type: Some("application/json".into()),
        message_body: Some(r#"{"down":"for maintenance"}"#.into()),
    });
    let _lb = TestLb::start(&config(
        1,
        vec![application(vec![http_listener(port, default, rules)])],
        vec![],
    ));
    let client = client();
    let response = client
        .get(format!("http://127.0.0.1:{port}/old/a/b?x=1"))
        .header("host", "example.com:8080")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 301);
    assert_eq!(
        response.headers()["location"],
        "https://new.example.com/new/old/a/b?x=1&from=old"
    );
    let response = client
        .get(format!("http://127.0.0.1:{port}/temp?q=2"))
        .header("host", "example.com")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(
        response.headers()["location"],
        "http://example.com:9999/temp?q=2"
    );
    let response = client
        .get(format!("http://127.0.0.1:{port}/anything"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 503);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        response.text().await.unwrap(),
        r#"{"down":"for maintenance"}"#
    );
}

#[tokio::test]
async fn forwarded_headers_are_set_and_hop_by_hop_headers_dropped() {
    let web = Backend::start("web").await;
    let port = free_port();
    let lb = TestLb::start(&single(port, http_group("tg", &[&web])));
    lb.wait_state("tg", &[&web], TargetHealthState::Healthy)
        .await;
    let response = client()
        .get(format!("http://127.0.0.1:{port}/headers"))
        .header("x-forwarded-for", "198.51.100.7")
        .header("host", "shop.example.com")
        .header("connection", "keep-alive, x-private")
        .header("x-private", "secret")
        .send()
        .await
        .unwrap();
    let headers = response.text().await.unwrap();
    assert!(
        headers.contains("x-forwarded-for: 198.51.100.7, 127.0.0.1\n"),
        "{headers}"
    );
    assert!(headers.contains("x-forwarded-proto: http\n"), "{headers}");
    assert!(
        headers.contains(&format!("x-forwarded-port: {port}\n")),
        "{headers}"
    );
    assert!(headers.contains("host: shop.example.com\n"), "{headers}");
    assert!(!headers.contains("x-private"), "{headers}");
}

#[tokio::test]
async fn websocket_upgrades_carry_bytes_both_ways() {
    let web = Backend::start("web").await;
    let port = free_port();
    let lb = TestLb::start(&single(port, http_group("tg", &[&web])));
    lb.wait_state("tg", &[&web], TargetHealthState::Healthy)
        .await;
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    stream
        .write_all(
            b"GET /chat HTTP/1.1\r\nHost: example.com\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
        )
        .await
        .unwrap();
    let mut head = Vec::new();
    while !head.ends_with(b"\r\n\r\n") {
        let mut byte = [0u8; 1];
        stream.read_exact(&mut byte).await.unwrap();
        head.push(byte[0]);
    }
    let head = String::from_utf8(head).unwrap();
    assert!(head.starts_with("HTTP/1.1 101"), "{head}");
    assert!(
        head.to_ascii_lowercase().contains("upgrade: echo"),
        "{head}"
    );
    for message in [&b"hello"[..], b"second message", &[0u8, 255, 1, 2]] {
        stream.write_all(message).await.unwrap();
        let mut echoed = vec![0u8; message.len()];
        stream.read_exact(&mut echoed).await.unwrap();
        assert_eq!(echoed, message);
    }
    // While the tunnel is open the target has it in flight.
    let snapshot = lb.lb.snapshot();
    assert_eq!(snapshot.target_groups[0].targets[0].in_flight, 1);
    drop(stream);
    wait_for("the tunnel to close", Duration::from_secs(5), || async {
        (lb.lb.snapshot().target_groups[0].targets[0].in_flight == 0).then_some(())
    })
    .await;
}

#[tokio::test]
async fn http2_clients_with_prior_knowledge_are_served() {
    let a = Backend::start("a").await;
    let b = Backend::start("b").await;
    let port = free_port();
    let lb = TestLb::start(&single(port, http_group("tg", &[&a, &b])));
    lb.wait_state("tg", &[&a, &b], TargetHealthState::Healthy)
        .await;
    let stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    let (sender, connection) =
        hyper::client::conn::http2::handshake(TokioExecutor::new(), TokioIo::new(stream))
            .await
            .unwrap();
    tokio::spawn(connection);
    // Concurrent streams on one connection, spread over both targets.
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let mut sender = sender.clone();
        tasks.push(tokio::spawn(async move {
            let request = http::Request::get(format!("http://app.example.com:{port}/headers"))
                .body(Empty::<Bytes>::new())
                .unwrap();
            let response = sender.send_request(request).await.unwrap();
            assert_eq!(response.version(), http::Version::HTTP_2);
            assert_eq!(response.status(), 200);
            String::from_utf8(
                response
                    .into_body()
                    .collect()
                    .await
                    .unwrap()
                    .to_bytes()
                    .to_vec(),
            )
            .unwrap()
        }));
    }
    for task in tasks {
        let headers = task.await.unwrap();
        // The target speaks HTTP/1.1 and gets a Host header from :authority.
        assert!(
            headers.contains(&format!("host: app.example.com:{port}\n")),
            "{headers}"
        );
    }
    assert_eq!(a.hits() + b.hits(), 10);
    assert!(a.hits() > 0 && b.hits() > 0);
}

#[tokio::test]
async fn https_listeners_serve_http1_and_h2_with_the_named_certificate() {
    let web = Backend::start("web").await;
    let port = free_port();
    let dir = tempfile::tempdir().unwrap();
    let key = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::new(vec!["app.example.com".into()]).unwrap();
    params
        .subject_alt_names
        .push(rcgen::SanType::IpAddress("127.0.0.1".parse().unwrap()));
    let certificate = params.self_signed(&key).unwrap();
    let cert_path = dir.path().join("cert.pem");
    let key_path = dir.path().join("key.pem");
    std::fs::write(&cert_path, certificate.pem()).unwrap();
    std::fs::write(&key_path, key.serialize_pem()).unwrap();
    let mut listener = http_listener(port, forward("tg"), vec![]);
    listener.protocol = Protocol::Https;
    listener.certificates = vec![CertificateFiles {
        certificate_chain_pem: cert_path.display().to_string(),
        private_key_pem: key_path.display().to_string(),
    }];
    let lb = TestLb::start(&config(
        1,
        vec![application(vec![listener])],
        vec![http_group("tg", &[&web])],
    ));
    lb.wait_state("tg", &[&web], TargetHealthState::Healthy)
        .await;
    let root = reqwest::Certificate::from_pem(certificate.pem().as_bytes()).unwrap();
    let client = reqwest::Client::builder()
        .add_root_certificate(root)
        .resolve("app.example.com", ([127, 0, 0, 1], port).into())
        .build()
        .unwrap();
    let response = client
        .get(format!("https://app.example.com:{port}/headers"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let headers = response.text().await.unwrap();
    assert!(headers.contains("x-forwarded-proto: https\n"), "{headers}");

    // HTTP/2 by ALPN over the same listener.
    let mut roots = rustls::RootCertStore::empty();
    roots.add(certificate.der().clone()).unwrap();
    let mut tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::aws_lc_rs::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    tls.alpn_protocols = vec![b"h2".to_vec()];
    let stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    let stream = tokio_rustls::TlsConnector::from(Arc::new(tls))
        .connect("app.example.com".try_into().unwrap(), stream)
        .await
        .unwrap();
    assert_eq!(stream.get_ref().1.alpn_protocol(), Some(&b"h2"[..]));
    let (mut sender, connection) =
        hyper::client::conn::http2::handshake(TokioExecutor::new(), TokioIo::new(stream))
            .await
            .unwrap();
    tokio::spawn(connection);
    let response = sender
        .send_request(
            http::Request::get("https://app.example.com/")
                .body(Empty::<Bytes>::new())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["x-backend"], "web");
}

#[tokio::test]
async fn an_unreadable_certificate_is_reported_not_served() {
    let port = free_port();
    let mut listener = http_listener(port, fixed(200, "x"), vec![]);
    listener.protocol = Protocol::Https;
    listener.certificates = vec![CertificateFiles {
        certificate_chain_pem: "/nonexistent/cert.pem".into(),
        private_key_pem: "/nonexistent/key.pem".into(),
    }];
    let lb = TestLb::start(&config(1, vec![application(vec![listener])], vec![]));
    let snapshot = lb.lb.snapshot();
    assert_eq!(snapshot.listener_errors.len(), 1);
    assert!(
        snapshot.listener_errors[0]
            .message
            .contains("/nonexistent/cert.pem"),
        "{:?}",
        snapshot.listener_errors
    );
    assert!(tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err());
}
