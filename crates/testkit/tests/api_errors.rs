//! The protocol and authentication errors of the ECS endpoint, checked with raw HTTP
//! requests signed by `berth_server::sigv4::sign` (the SDK cannot send malformed bodies):
//! unknown actions, malformed or wrongly typed JSON, missing members, enum values and
//! lengths outside the model, missing/bad/unknown signatures, and oversized bodies, each
//! with the exact AWS exception name, HTTP status and headers.

mod api_support;

use api_support::{admin_signer, code, post_signed};
use berth_server::sigv4::{self, Credentials, SigningParams};
use berth_testkit::TestCluster;
use serde_json::{json, Value};

const TARGET_PREFIX: &str = "AmazonEC2ContainerServiceV20141113";

/// How a raw request is authenticated.
enum Auth<'a> {
    /// Signed with the server's own access key.
    Valid,
    /// Signed with these credentials.
    With(&'a str, &'a str),
    /// Not signed at all.
    None,
}

struct Reply {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Value,
}

impl Reply {
    /// The `__type` of an error body.
    fn error_type(&self) -> &str {
        self.body
            .get("__type")
            .and_then(Value::as_str)
            .unwrap_or("<no __type>")
    }

    fn assert_error(&self, status: u16, error_type: &str) {
        assert_eq!(self.error_type(), error_type, "body: {}", self.body);
        assert_eq!(self.status, status, "body: {}", self.body);
        assert_eq!(
            self.headers
                .get("x-amzn-errortype")
                .and_then(|v| v.to_str().ok()),
            Some(error_type)
        );
        assert!(self
            .body
            .get("message")
            .and_then(Value::as_str)
            .is_some_and(|m| !m.is_empty()));
        self.assert_aws_headers();
    }

    fn assert_aws_headers(&self) {
        assert_eq!(
            self.headers
                .get("content-type")
                .and_then(|v| v.to_str().ok()),
            Some("application/x-amz-json-1.1")
        );
        assert!(self.headers.contains_key("x-amzn-requestid"));
    }
}

/// POSTs `body` to `/` with `X-Amz-Target: <target>` (the target is sent as given).
async fn send_raw(cluster: &TestCluster, target: &str, body: Vec<u8>, auth: Auth<'_>) -> Reply {
    let signer = match auth {
        Auth::Valid => Some(admin_signer(cluster)),
        Auth::With(key, secret) => Some((key.to_owned(), secret.to_owned(), None)),
        Auth::None => None,
    };
    let headers = [
        ("content-type", "application/x-amz-json-1.1"),
        ("x-amz-target", target),
    ];
    let reply = post_signed(cluster, "ecs", &headers, body, signer).await;
    let body = serde_json::from_slice(&reply.body)
        .unwrap_or_else(|_| json!({ "raw": String::from_utf8_lossy(&reply.body) }));
    Reply {
        status: reply.status,
        headers: reply.headers,
        body,
    }
}

async fn call(cluster: &TestCluster, action: &str, body: &str) -> Reply {
    send_raw(
        cluster,
        &format!("{TARGET_PREFIX}.{action}"),
        body.as_bytes().to_vec(),
        Auth::Valid,
    )
    .await
}

#[tokio::test]
async fn a_valid_raw_request_succeeds_with_aws_headers() {
    let cluster = TestCluster::start().await;
    let reply = call(&cluster, "ListClusters", "{}").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.assert_aws_headers();
    assert_eq!(
        reply.body["clusterArns"],
        json!(["arn:aws:ecs:us-east-1:000000000000:cluster/default"])
    );
    // An empty body is an empty object, as AWS accepts.
    let empty = call(&cluster, "ListClusters", "").await;
    assert_eq!(empty.status, 200, "{}", empty.body);
}

#[tokio::test]
async fn unknown_actions_are_unknown_operation() {
    let cluster = TestCluster::start().await;
    call(&cluster, "FrobnicateCluster", "{}")
        .await
        .assert_error(400, "UnknownOperationException");
    // Right action, wrong service prefix.
    send_raw(
        &cluster,
        "AmazonEC2ContainerServiceV20990101.ListClusters",
        b"{}".to_vec(),
        Auth::Valid,
    )
    .await
    .assert_error(400, "UnknownOperationException");
    send_raw(&cluster, "", b"{}".to_vec(), Auth::Valid)
        .await
        .assert_error(400, "UnknownOperationException");
}

#[tokio::test]
async fn malformed_or_mistyped_bodies_are_serialization_errors() {
    let cluster = TestCluster::start().await;
    call(&cluster, "CreateCluster", r#"{"clusterName": "#)
        .await
        .assert_error(400, "SerializationException");
    call(&cluster, "CreateCluster", "[1, 2]")
        .await
        .assert_error(400, "SerializationException");
    call(&cluster, "CreateCluster", r#"{"clusterName": 7}"#)
        .await
        .assert_error(400, "SerializationException");
    call(
        &cluster,
        "RunTask",
        r#"{"taskDefinition": "web", "count": "two"}"#,
    )
    .await
    .assert_error(400, "SerializationException");
    call(&cluster, "DescribeClusters", r#"{"clusters": "default"}"#)
        .await
        .assert_error(400, "SerializationException");
    // Nothing was created by the rejected CreateCluster calls.
    let listed = call(&cluster, "ListClusters", "{}").await;
    assert_eq!(listed.body["clusterArns"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn missing_members_enums_and_lengths_are_invalid_parameters() {
    let cluster = TestCluster::start().await;
    // Required members.
    call(&cluster, "RunTask", "{}")
        .await
        .assert_error(400, "InvalidParameterException");
    call(&cluster, "DescribeTaskDefinition", "{}")
        .await
        .assert_error(400, "InvalidParameterException");
    call(&cluster, "DeleteCluster", "{}")
        .await
        .assert_error(400, "InvalidParameterException");
    call(
        &cluster,
        "TagResource",
        r#"{"resourceArn": "arn:aws:ecs:us-east-1:000000000000:cluster/default"}"#,
    )
    .await
    .assert_error(400, "InvalidParameterException");
    // Enum values outside the model.
    call(&cluster, "ListTaskDefinitions", r#"{"status": "SLEEPING"}"#)
        .await
        .assert_error(400, "InvalidParameterException");
    call(&cluster, "ListTasks", r#"{"desiredStatus": "running"}"#)
        .await
        .assert_error(400, "InvalidParameterException");
    // A tag key longer than the model's 128 characters.
    let long_key = json!({
        "resourceArn": "arn:aws:ecs:us-east-1:000000000000:cluster/default",
        "tags": [{ "key": "k".repeat(129), "value": "v" }],
    });
    call(&cluster, "TagResource", &long_key.to_string())
        .await
        .assert_error(400, "InvalidParameterException");
    // More than the model's 50 tags.
    let tags: Vec<Value> = (0..51)
        .map(|i| json!({ "key": format!("k{i}"), "value": "v" }))
        .collect();
    let many = json!({ "clusterName": "many-tags", "tags": tags });
    call(&cluster, "CreateCluster", &many.to_string())
        .await
        .assert_error(400, "InvalidParameterException");
    let tags = call(
        &cluster,
        "ListTagsForResource",
        r#"{"resourceArn": "arn:aws:ecs:us-east-1:000000000000:cluster/default"}"#,
    )
    .await;
    assert_eq!(
        tags.body["tags"],
        json!([]),
        "the rejected TagResource stored nothing"
    );
}

#[tokio::test]
async fn unsigned_requests_are_missing_authentication_token() {
    let cluster = TestCluster::start().await;
    send_raw(
        &cluster,
        &format!("{TARGET_PREFIX}.ListClusters"),
        b"{}".to_vec(),
        Auth::None,
    )
    .await
    .assert_error(403, "MissingAuthenticationTokenException");
}

#[tokio::test]
async fn bad_credentials_are_rejected() {
    let cluster = TestCluster::start().await;
    let key = cluster.server.credentials.access_key_id.clone();
    let target = format!("{TARGET_PREFIX}.ListClusters");
    send_raw(
        &cluster,
        &target,
        b"{}".to_vec(),
        Auth::With(&key, "not-the-secret"),
    )
    .await
    .assert_error(400, "InvalidSignatureException");
    send_raw(
        &cluster,
        &target,
        b"{}".to_vec(),
        Auth::With("AKIDONOTEXIST0000000", "whatever"),
    )
    .await
    .assert_error(400, "UnrecognizedClientException");

    // The SDK sees the same exceptions.
    let wrong_secret = cluster.client_with(&key, "not-the-secret");
    let err = wrong_secret.list_clusters().send().await.unwrap_err();
    assert_eq!(code(&err), "InvalidSignatureException");
    let unknown = cluster.client_with("AKIDONOTEXIST0000000", "whatever");
    let err = unknown.list_clusters().send().await.unwrap_err();
    assert_eq!(code(&err), "UnrecognizedClientException");
}

#[tokio::test]
async fn a_body_changed_after_signing_is_rejected() {
    let cluster = TestCluster::start().await;
    let url = format!("{}/", cluster.endpoint());
    let (mut parts, ()) = http::Request::builder()
        .method("POST")
        .uri(&url)
        .header("x-amz-target", format!("{TARGET_PREFIX}.CreateCluster"))
        .body(())
        .unwrap()
        .into_parts();
    let own = &cluster.server.credentials;
    let credentials = Credentials::new(own.access_key_id.clone(), own.secret_access_key.clone());
    let region = cluster.server.app.config.scope.region.clone();
    let params = SigningParams::new(
        &credentials,
        &region,
        "ecs",
        time::OffsetDateTime::now_utc(),
    );
    sigv4::sign(&mut parts, br#"{"clusterName":"signed"}"#, &params).unwrap();
    let response = reqwest::Client::new()
        .post(&url)
        .headers(parts.headers)
        .body(r#"{"clusterName":"tampered"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["__type"], "InvalidSignatureException");
    let listed = cluster.client.list_clusters().send().await.unwrap();
    assert_eq!(
        listed.cluster_arns().len(),
        1,
        "neither cluster was created"
    );
}

#[tokio::test]
async fn oversized_bodies_are_refused_and_the_server_stays_healthy() {
    let cluster = TestCluster::start().await;
    let padding = "x".repeat(berth_server::http::MAX_BODY_BYTES + 1);
    let body = json!({ "clusterName": "big", "padding": padding }).to_string();
    let reply = call(&cluster, "CreateCluster", &body).await;
    reply.assert_error(413, "RequestEntityTooLargeException");

    // The server still answers, and nothing was created.
    let health = reqwest::get(format!("{}/healthz", cluster.endpoint()))
        .await
        .unwrap();
    assert_eq!(health.status().as_u16(), 200);
    let listed = cluster.client.list_clusters().send().await.unwrap();
    assert_eq!(
        listed.cluster_arns(),
        &["arn:aws:ecs:us-east-1:000000000000:cluster/default".to_owned()]
    );
}
