//! The AWS JSON 1.1 services generated beside ECS (SSM, Secrets Manager, CloudWatch Logs):
//! requests as botocore sends them deserialize, and responses serialize with the model's
//! member names.
//!
//! Every request body is what botocore 1.43 sent for the call in the comment above it
//! (captured from a real client's `before-send` event). Every response document was fed to
//! a real botocore client, which parsed it into the values in the comment.

use berth_api::{logs, secretsmanager, ssm, Validate};
use serde_json::{json, Value};

fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

#[test]
fn ssm_put_parameter_request_as_botocore_sends_it() {
    // ssm.put_parameter(Name='/app/db/password', Value='s3cr3t', Type='SecureString',
    //     Overwrite=True, AllowedPattern='^[a-z0-9]+$', Tier='Standard', DataType='text',
    //     Description='db password')
    let body = r#"{"Name": "/app/db/password", "Value": "s3cr3t", "Type": "SecureString", "Overwrite": true, "AllowedPattern": "^[a-z0-9]+$", "Tier": "Standard", "DataType": "text", "Description": "db password"}"#;
    let request: ssm::PutParameterRequest = serde_json::from_str(body).unwrap();
    assert_eq!(request.name, "/app/db/password");
    assert_eq!(request.value, "s3cr3t");
    assert_eq!(request.type_, Some(ssm::ParameterType::SecureString));
    assert_eq!(request.overwrite, Some(true));
    assert_eq!(request.tier, Some(ssm::ParameterTier::Standard));
    assert_eq!(request.allowed_pattern.as_deref(), Some("^[a-z0-9]+$"));
    assert_eq!(request.data_type.as_deref(), Some("text"));
    assert_eq!(request.key_id, None);
    request.validate("request").unwrap();

    // The model's limits: a name is at most 2048 characters.
    let long = body.replace("/app/db/password", &"p".repeat(2049));
    let request: ssm::PutParameterRequest = serde_json::from_str(&long).unwrap();
    let error = request.validate("request").unwrap_err();
    assert_eq!(error.path, "request.Name");
    // Values outside an enum are refused while deserializing.
    let bad = body.replace("SecureString", "Secret");
    assert!(serde_json::from_str::<ssm::PutParameterRequest>(&bad).is_err());
}

#[test]
fn ssm_get_parameters_by_path_request_as_botocore_sends_it() {
    // ssm.get_parameters_by_path(Path='/app', Recursive=True, WithDecryption=True,
    //     MaxResults=10, ParameterFilters=[{'Key': 'Label', 'Option': 'Equals',
    //     'Values': ['prod']}])
    let body = r#"{"Path": "/app", "Recursive": true, "WithDecryption": true, "MaxResults": 10, "ParameterFilters": [{"Key": "Label", "Option": "Equals", "Values": ["prod"]}]}"#;
    let request: ssm::GetParametersByPathRequest = serde_json::from_str(body).unwrap();
    assert_eq!(request.path, "/app");
    assert_eq!(request.max_results, Some(10));
    assert_eq!(
        request.parameter_filters,
        Some(vec![ssm::ParameterStringFilter {
            key: "Label".into(),
            option: Some("Equals".into()),
            values: Some(vec!["prod".into()]),
        }])
    );
    request.validate("request").unwrap();
    let too_many = body.replace("\"MaxResults\": 10", "\"MaxResults\": 11");
    let request: ssm::GetParametersByPathRequest = serde_json::from_str(&too_many).unwrap();
    assert_eq!(
        request.validate("request").unwrap_err().path,
        "request.MaxResults"
    );
}

#[test]
fn ssm_get_parameter_response_uses_the_models_names() {
    // Parsed by botocore as {'Parameter': {'Name': '/app/db/password', 'Type':
    //   'SecureString', 'Value': 's3cr3t', 'Version': 3, 'LastModifiedDate':
    //   datetime(2024, 5, 1, 12, 0, 0, 250000, tzinfo=tzlocal()), 'ARN':
    //   'arn:aws:ssm:us-east-1:123456789012:parameter/app/db/password', 'DataType': 'text'}}
    let response = ssm::GetParameterResult {
        parameter: Some(ssm::Parameter {
            name: Some("/app/db/password".into()),
            type_: Some(ssm::ParameterType::SecureString),
            value: Some("s3cr3t".into()),
            version: Some(3),
            last_modified_date: Some(1_714_564_800.25),
            arn: Some("arn:aws:ssm:us-east-1:123456789012:parameter/app/db/password".into()),
            data_type: Some("text".into()),
            ..Default::default()
        }),
    };
    assert_eq!(
        to_json(&response),
        json!({"Parameter": {"Name": "/app/db/password", "Type": "SecureString",
            "Value": "s3cr3t", "Version": 3, "LastModifiedDate": 1714564800.25,
            "ARN": "arn:aws:ssm:us-east-1:123456789012:parameter/app/db/password",
            "DataType": "text"}})
    );
    assert_eq!(ssm::TARGET_PREFIX, "AmazonSSM");
    assert_eq!(ssm::SIGNING_SERVICE, "ssm");
    assert!(ssm::OPERATIONS.contains(&"GetParametersByPath"));
}

#[test]
fn secretsmanager_create_secret_request_as_botocore_sends_it() {
    // secretsmanager.create_secret(Name='db',
    //     ClientRequestToken='11111111-2222-3333-4444-555555555555',
    //     SecretBinary=b'\x00\x01binary\xff', Tags=[{'Key': 'team', 'Value': 'web'}],
    //     Description='db secret')
    let body = r#"{"Name": "db", "ClientRequestToken": "11111111-2222-3333-4444-555555555555", "SecretBinary": "AAFiaW5hcnn/", "Tags": [{"Key": "team", "Value": "web"}], "Description": "db secret"}"#;
    let request: secretsmanager::CreateSecretRequest = serde_json::from_str(body).unwrap();
    assert_eq!(request.name, "db");
    // Blobs stay base64 text, as on the wire.
    assert_eq!(request.secret_binary.as_deref(), Some("AAFiaW5hcnn/"));
    assert_eq!(
        request.tags,
        Some(vec![secretsmanager::Tag {
            key: Some("team".into()),
            value: Some("web".into()),
        }])
    );
    request.validate("request").unwrap();
    let short_token = body.replace("11111111-2222-3333-4444-555555555555", "short");
    let request: secretsmanager::CreateSecretRequest = serde_json::from_str(&short_token).unwrap();
    assert_eq!(
        request.validate("request").unwrap_err().path,
        "request.ClientRequestToken"
    );
}

#[test]
fn secretsmanager_get_secret_value_response_uses_the_models_names() {
    // Parsed by botocore as {'ARN': 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
    //   'Name': 'db', 'VersionId': '11111111-2222-3333-4444-555555555555',
    //   'SecretBinary': b'\x00\x01binary\xff', 'VersionStages': ['AWSCURRENT'],
    //   'CreatedDate': datetime(2024, 5, 1, 12, 0, tzinfo=tzlocal())}
    let response = secretsmanager::GetSecretValueResponse {
        arn: Some("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf".into()),
        name: Some("db".into()),
        version_id: Some("11111111-2222-3333-4444-555555555555".into()),
        secret_binary: Some("AAFiaW5hcnn/".into()),
        secret_string: None,
        version_stages: Some(vec!["AWSCURRENT".into()]),
        created_date: Some(1_714_564_800.0),
    };
    assert_eq!(
        to_json(&response),
        json!({"ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
            "Name": "db", "VersionId": "11111111-2222-3333-4444-555555555555",
            "SecretBinary": "AAFiaW5hcnn/", "VersionStages": ["AWSCURRENT"],
            "CreatedDate": 1714564800.0})
    );
    assert_eq!(secretsmanager::TARGET_PREFIX, "secretsmanager");
    assert_eq!(secretsmanager::SIGNING_SERVICE, "secretsmanager");
}

#[test]
fn logs_put_log_events_request_as_botocore_sends_it() {
    // logs.put_log_events(logGroupName='/berth/web', logStreamName='web/1', logEvents=[
    //     {'timestamp': 1714564800000, 'message': 'hello'},
    //     {'timestamp': 1714564800123, 'message': 'world'}])
    let body = r#"{"logGroupName": "/berth/web", "logStreamName": "web/1", "logEvents": [{"timestamp": 1714564800000, "message": "hello"}, {"timestamp": 1714564800123, "message": "world"}]}"#;
    let request: logs::PutLogEventsRequest = serde_json::from_str(body).unwrap();
    assert_eq!(request.log_group_name, "/berth/web");
    // CloudWatch Logs times are epoch milliseconds, kept as i64.
    let event = |timestamp: i64, message: &str| logs::InputLogEvent {
        timestamp,
        message: message.into(),
    };
    assert_eq!(
        request.log_events,
        vec![
            event(1_714_564_800_000, "hello"),
            event(1_714_564_800_123, "world")
        ]
    );
    request.validate("request").unwrap();
    let empty = r#"{"logGroupName": "/berth/web", "logStreamName": "web/1", "logEvents": []}"#;
    let request: logs::PutLogEventsRequest = serde_json::from_str(empty).unwrap();
    assert_eq!(
        request.validate("request").unwrap_err().path,
        "request.logEvents"
    );
}

#[test]
fn logs_get_log_events_round_trip() {
    // logs.get_log_events(logGroupName='/berth/web', logStreamName='web/1',
    //     startTime=1714564800000, startFromHead=True, limit=100)
    let body = r#"{"logGroupName": "/berth/web", "logStreamName": "web/1", "startTime": 1714564800000, "startFromHead": true, "limit": 100}"#;
    let request: logs::GetLogEventsRequest = serde_json::from_str(body).unwrap();
    assert_eq!(request.start_time, Some(1_714_564_800_000));
    assert_eq!(request.start_from_head, Some(true));
    assert_eq!(request.limit, Some(100));
    request.validate("request").unwrap();

    // Parsed by botocore as {'events': [{'timestamp': 1714564800000, 'message': 'hello',
    //   'ingestionTime': 1714564800500}], 'nextForwardToken': 'f/1',
    //   'nextBackwardToken': 'b/1'}
    let response = logs::GetLogEventsResponse {
        events: Some(vec![logs::OutputLogEvent {
            timestamp: Some(1_714_564_800_000),
            message: Some("hello".into()),
            ingestion_time: Some(1_714_564_800_500),
        }]),
        next_forward_token: Some("f/1".into()),
        next_backward_token: Some("b/1".into()),
    };
    assert_eq!(
        to_json(&response),
        json!({"events": [{"timestamp": 1714564800000_i64, "message": "hello",
            "ingestionTime": 1714564800500_i64}], "nextForwardToken": "f/1",
            "nextBackwardToken": "b/1"})
    );
    assert_eq!(logs::TARGET_PREFIX, "Logs_20140328");
    assert_eq!(logs::SIGNING_SERVICE, "logs");
}

#[test]
fn logs_describe_log_groups_response_uses_the_models_names() {
    // Parsed by botocore as {'logGroups': [{'logGroupName': '/berth/web', 'creationTime':
    //   1714564800000, 'retentionInDays': 7, 'storedBytes': 0, 'arn':
    //   'arn:aws:logs:us-east-1:123456789012:log-group:/berth/web:*',
    //   'logGroupClass': 'STANDARD'}]}
    let response = logs::DescribeLogGroupsResponse {
        log_groups: Some(vec![logs::LogGroup {
            log_group_name: Some("/berth/web".into()),
            creation_time: Some(1_714_564_800_000),
            retention_in_days: Some(7),
            stored_bytes: Some(0),
            arn: Some("arn:aws:logs:us-east-1:123456789012:log-group:/berth/web:*".into()),
            log_group_class: Some(logs::LogGroupClass::Standard),
            ..Default::default()
        }]),
        next_token: None,
    };
    assert_eq!(
        to_json(&response),
        json!({"logGroups": [{"logGroupName": "/berth/web", "creationTime": 1714564800000_i64,
            "retentionInDays": 7, "arn": "arn:aws:logs:us-east-1:123456789012:log-group:/berth/web:*",
            "storedBytes": 0, "logGroupClass": "STANDARD"}]})
    );
}

#[test]
fn values_the_model_marks_sensitive_never_show_in_debug_output() {
    let put = ssm::PutParameterRequest {
        name: "/app/db".into(),
        value: "s3cr3t-put".into(),
        ..Default::default()
    };
    let parameter = ssm::Parameter {
        name: Some("/app/db".into()),
        value: Some("s3cr3t-get".into()),
        ..Default::default()
    };
    let create = secretsmanager::CreateSecretRequest {
        name: "db".into(),
        secret_string: Some("s3cr3t-create".into()),
        ..Default::default()
    };
    let read = secretsmanager::GetSecretValueResponse {
        name: Some("db".into()),
        secret_string: Some("s3cr3t-read".into()),
        secret_binary: Some("czNjcjN0".into()),
        ..Default::default()
    };
    let shown = format!("{put:?} {parameter:?} {create:?} {read:?}");
    for secret in ["s3cr3t", "czNjcjN0"] {
        assert!(!shown.contains(secret), "{shown}");
    }
    // The rest is shown, and an absent value is shown as absent.
    assert!(
        shown.contains("/app/db") && shown.contains("<redacted>"),
        "{shown}"
    );
    assert!(
        format!("{:?}", secretsmanager::GetSecretValueResponse::default())
            .contains("secret_string: None")
    );
}
