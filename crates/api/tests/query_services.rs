//! Round trips of the AWS Query services (IAM, STS, ELBv2, EC2) against botocore.
//!
//! Every request body below is what botocore 1.43's `QuerySerializer` put on the wire for the
//! call in the comment above it (captured from a real client's `before-send` event). Every
//! XML document is what berth's writer produces; each was fed to botocore's `QueryParser`
//! through a real client call, which parsed it into the dict in the comment. The tests check
//! that the generated readers take those bodies apart into the right values, and that the
//! writers still produce exactly the XML botocore was shown to read.

use berth_api::ec2;
use berth_api::elbv2;
use berth_api::iam;
use berth_api::query::{
    ec2_error_xml, ec2_response_xml, empty_response_xml, error_xml, parse_request, response_xml,
    QueryError, QueryParams,
};
use berth_api::sts;

/// 2024-05-01T12:00:00Z.
const MAY_FIRST_NOON: f64 = 1_714_564_800.0;

fn params(body: &str) -> QueryParams {
    QueryParams::parse(body.as_bytes()).expect("botocore's body decodes")
}

fn check_xml(name: &str, actual: &str, expected: &str) {
    assert_eq!(
        actual, expected,
        "{name}: the writer no longer produces the XML botocore read"
    );
}

// ----- IAM -----

// iam.create_role(Path='/app/', RoleName='web-task', AssumeRolePolicyDocument=POLICY,
//     Description='Task role & more <for> "web" — ünïcode', MaxSessionDuration=7200,
//     Tags=[{'Key': 'team', 'Value': 'web'}, {'Key': 'env', 'Value': 'a b+c=d&e'}])
const IAM_CREATE_ROLE: &str = "Action=CreateRole&Version=2010-05-08&Path=%2Fapp%2F&RoleName=web-task&AssumeRolePolicyDocument=%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ecs-tasks.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D&Description=Task+role+%26+more+%3Cfor%3E+%22web%22+%E2%80%94+%C3%BCn%C3%AFcode&MaxSessionDuration=7200&Tags.member.1.Key=team&Tags.member.1.Value=web&Tags.member.2.Key=env&Tags.member.2.Value=a+b%2Bc%3Dd%26e";

const POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

#[test]
fn iam_create_role_reads_what_botocore_sends() {
    let params = params(IAM_CREATE_ROLE);
    assert_eq!(params.action(), Some("CreateRole"));
    assert_eq!(params.version(), Some(iam::API_VERSION));
    let request: iam::CreateRoleRequest = parse_request(&params).unwrap();
    let tag = |key: &str, value: &str| iam::Tag {
        key: key.into(),
        value: value.into(),
    };
    assert_eq!(
        request,
        iam::CreateRoleRequest {
            path: Some("/app/".into()),
            role_name: "web-task".into(),
            assume_role_policy_document: POLICY.into(),
            description: Some("Task role & more <for> \"web\" — ünïcode".into()),
            max_session_duration: Some(7200),
            permissions_boundary: None,
            tags: Some(vec![tag("team", "web"), tag("env", "a b+c=d&e")]),
        }
    );
}

fn web_role() -> iam::Role {
    iam::Role {
        path: "/app/".into(),
        role_name: "web-task".into(),
        role_id: "AROAEXAMPLEID".into(),
        arn: "arn:aws:iam::123456789012:role/app/web-task".into(),
        create_date: MAY_FIRST_NOON,
        assume_role_policy_document: Some(POLICY.into()),
        description: Some("Task role & more <for> \"web\"".into()),
        max_session_duration: Some(7200),
        permissions_boundary: None,
        tags: Some(vec![iam::Tag {
            key: "team".into(),
            value: "web".into(),
        }]),
        role_last_used: Some(iam::RoleLastUsed {
            last_used_date: Some(MAY_FIRST_NOON + 0.25),
            region: Some("us-east-1".into()),
        }),
    }
}

// Parsed by botocore as {'Role': {'Path': '/app/', 'RoleName': 'web-task',
//   'RoleId': 'AROAEXAMPLEID', 'Arn': 'arn:aws:iam::123456789012:role/app/web-task',
//   'CreateDate': datetime(2024, 5, 1, 12, 0, tzinfo=tzutc()),
//   'AssumeRolePolicyDocument': {'Version': '2012-10-17', 'Statement': [...]},
//   'Description': 'Task role & more <for> "web"', 'MaxSessionDuration': 7200,
//   'Tags': [{'Key': 'team', 'Value': 'web'}],
//   'RoleLastUsed': {'LastUsedDate': datetime(2024, 5, 1, 12, 0, 0, 250000, tzinfo=tzutc()),
//   'Region': 'us-east-1'}}, 'ResponseMetadata': {'RequestId': 'req-1', ...}}
// (botocore decodes the policy document as URL-encoded JSON; IAM sends it URL-encoded.)
const IAM_CREATE_ROLE_XML: &str = "<CreateRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">\
    <CreateRoleResult><Role><Path>/app/</Path><RoleName>web-task</RoleName>\
    <RoleId>AROAEXAMPLEID</RoleId><Arn>arn:aws:iam::123456789012:role/app/web-task</Arn>\
    <CreateDate>2024-05-01T12:00:00Z</CreateDate>\
    <AssumeRolePolicyDocument>{&quot;Version&quot;:&quot;2012-10-17&quot;,&quot;Statement&quot;:[{&quot;Effect&quot;:&quot;Allow&quot;,&quot;Principal&quot;:{&quot;Service&quot;:&quot;ecs-tasks.amazonaws.com&quot;},&quot;Action&quot;:&quot;sts:AssumeRole&quot;}]}</AssumeRolePolicyDocument>\
    <Description>Task role &amp; more &lt;for&gt; &quot;web&quot;</Description>\
    <MaxSessionDuration>7200</MaxSessionDuration><Tags><member><Key>team</Key>\
    <Value>web</Value></member></Tags><RoleLastUsed>\
    <LastUsedDate>2024-05-01T12:00:00.250Z</LastUsedDate><Region>us-east-1</Region>\
    </RoleLastUsed></Role></CreateRoleResult><ResponseMetadata>\
    <RequestId>req-1</RequestId></ResponseMetadata></CreateRoleResponse>";

#[test]
fn iam_create_role_response_is_what_botocore_reads() {
    let response = iam::CreateRoleResponse { role: web_role() };
    let xml = response_xml("CreateRole", iam::XML_NAMESPACE, Some(&response), "req-1");
    check_xml("iam_create_role", &xml, IAM_CREATE_ROLE_XML);
}

// iam.list_roles(PathPrefix='/app/', Marker='m1', MaxItems=2)
const IAM_LIST_ROLES: &str =
    "Action=ListRoles&Version=2010-05-08&PathPrefix=%2Fapp%2F&Marker=m1&MaxItems=2";

// Parsed by botocore as {'Roles': [{...web-task...}, {'Path': '/', 'RoleName': 'batch',
//   'RoleId': 'AROABATCH', 'Arn': 'arn:aws:iam::123456789012:role/batch',
//   'CreateDate': datetime(2024, 5, 1, 12, 0, 1, 500000, tzinfo=tzutc())}],
//   'IsTruncated': True, 'Marker': 'm2', 'ResponseMetadata': {...}}
const IAM_LIST_ROLES_XML: &str = "<ListRolesResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">\
    <ListRolesResult><Roles><member><Path>/app/</Path><RoleName>web-task</RoleName>\
    <RoleId>AROAEXAMPLEID</RoleId><Arn>arn:aws:iam::123456789012:role/app/web-task</Arn>\
    <CreateDate>2024-05-01T12:00:00Z</CreateDate>\
    <AssumeRolePolicyDocument>{&quot;Version&quot;:&quot;2012-10-17&quot;,&quot;Statement&quot;:[{&quot;Effect&quot;:&quot;Allow&quot;,&quot;Principal&quot;:{&quot;Service&quot;:&quot;ecs-tasks.amazonaws.com&quot;},&quot;Action&quot;:&quot;sts:AssumeRole&quot;}]}</AssumeRolePolicyDocument>\
    <Description>Task role &amp; more &lt;for&gt; &quot;web&quot;</Description>\
    <MaxSessionDuration>7200</MaxSessionDuration><Tags><member><Key>team</Key>\
    <Value>web</Value></member></Tags><RoleLastUsed>\
    <LastUsedDate>2024-05-01T12:00:00.250Z</LastUsedDate><Region>us-east-1</Region>\
    </RoleLastUsed></member><member><Path>/</Path><RoleName>batch</RoleName>\
    <RoleId>AROABATCH</RoleId><Arn>arn:aws:iam::123456789012:role/batch</Arn>\
    <CreateDate>2024-05-01T12:00:01.500Z</CreateDate></member></Roles>\
    <IsTruncated>true</IsTruncated><Marker>m2</Marker></ListRolesResult>\
    <ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata>\
    </ListRolesResponse>";

#[test]
fn iam_list_roles_round_trip() {
    let request: iam::ListRolesRequest = parse_request(&params(IAM_LIST_ROLES)).unwrap();
    assert_eq!(
        request,
        iam::ListRolesRequest {
            path_prefix: Some("/app/".into()),
            marker: Some("m1".into()),
            max_items: Some(2),
        }
    );
    let batch = iam::Role {
        path: "/".into(),
        role_name: "batch".into(),
        role_id: "AROABATCH".into(),
        arn: "arn:aws:iam::123456789012:role/batch".into(),
        create_date: MAY_FIRST_NOON + 1.5,
        ..Default::default()
    };
    let response = iam::ListRolesResponse {
        roles: vec![web_role(), batch],
        is_truncated: Some(true),
        marker: Some("m2".into()),
    };
    let xml = response_xml("ListRoles", iam::XML_NAMESPACE, Some(&response), "req-2");
    check_xml("iam_list_roles", &xml, IAM_LIST_ROLES_XML);
}

// Parsed by botocore as {'ResponseMetadata': {'RequestId': 'req-3', ...}}.
const IAM_DELETE_ROLE_XML: &str =
    "<DeleteRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">\
    <ResponseMetadata><RequestId>req-3</RequestId></ResponseMetadata>\
    </DeleteRoleResponse>";

#[test]
fn iam_delete_role_has_no_result_element() {
    // iam.delete_role(RoleName='web-task')
    let params = params("Action=DeleteRole&Version=2010-05-08&RoleName=web-task");
    let request: iam::DeleteRoleRequest = parse_request(&params).unwrap();
    assert_eq!(request.role_name, "web-task");
    let xml = empty_response_xml("DeleteRole", iam::XML_NAMESPACE, "req-3");
    check_xml("iam_delete_role", &xml, IAM_DELETE_ROLE_XML);
}

#[test]
fn iam_missing_member_uses_iams_wording() {
    let missing = params("Action=CreateRole&Version=2010-05-08&AssumeRolePolicyDocument=%7B%7D");
    let error = parse_request::<iam::CreateRoleRequest>(&missing).unwrap_err();
    assert_eq!(
        error.to_string(),
        "1 validation error detected: Value null at 'roleName' failed to satisfy constraint: \
         Member must not be null"
    );
    assert_eq!(error.param(), Some("RoleName"));

    let nested = params(
        "Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=%7B%7D\
         &Tags.member.1.Value=v",
    );
    let error = parse_request::<iam::CreateRoleRequest>(&nested).unwrap_err();
    assert_eq!(
        error.to_string(),
        "1 validation error detected: Value null at 'tags.1.member.key' failed to satisfy \
         constraint: Member must not be null"
    );
}

#[test]
fn iam_limits_and_enums_are_checked() {
    let long_name = "r".repeat(65);
    let params_long = params(&format!(
        "Action=CreateRole&Version=2010-05-08&RoleName={long_name}&AssumeRolePolicyDocument=%7B%7D"
    ));
    let error = parse_request::<iam::CreateRoleRequest>(&params_long).unwrap_err();
    assert!(
        matches!(&error, QueryError::Invalid(e) if e.path == "request.RoleName"),
        "{error:?}"
    );
    assert!(error.to_string().contains("1..=64"), "{error}");

    let too_short = params(
        "Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=%7B%7D\
         &MaxSessionDuration=60",
    );
    let error = parse_request::<iam::CreateRoleRequest>(&too_short).unwrap_err();
    assert!(error.to_string().contains("3600..=43200"), "{error}");

    // IAM's camelCase shape names become CamelCase Rust types (`statusType`).
    assert_eq!(
        iam::StatusType::parse("Inactive"),
        Some(iam::StatusType::Inactive)
    );
    assert_eq!(iam::StatusType::Active.to_string(), "Active");
}

#[test]
fn iam_error_document_is_what_botocore_reads() {
    // Parsed by botocore as ClientError: {'Error': {'Type': 'Sender', 'Code':
    // 'NoSuchEntity', 'Message': 'The role with name web & <task> cannot be found.'},
    // 'ResponseMetadata': {'RequestId': 'req-4', ...}}
    let xml = error_xml(
        iam::XML_NAMESPACE,
        true,
        "NoSuchEntity",
        "The role with name web & <task> cannot be found.",
        "req-4",
    );
    check_xml("iam_error", &xml, IAM_ERROR_XML);
}

const IAM_ERROR_XML: &str =
    "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error>\
    <Type>Sender</Type><Code>NoSuchEntity</Code>\
    <Message>The role with name web &amp; &lt;task&gt; cannot be found.</Message>\
    </Error><RequestId>req-4</RequestId></ErrorResponse>";

// ----- STS -----

// sts.assume_role(RoleArn='arn:aws:iam::123456789012:role/web-task',
//     RoleSessionName='session-1', DurationSeconds=3600,
//     Tags=[{'Key': 'project', 'Value': 'berth'}], TransitiveTagKeys=['project'],
//     PolicyArns=[{'arn': 'arn:aws:iam::aws:policy/ReadOnlyAccess'}], ExternalId='ext-1')
const STS_ASSUME_ROLE: &str = "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fweb-task&RoleSessionName=session-1&DurationSeconds=3600&Tags.member.1.Key=project&Tags.member.1.Value=berth&TransitiveTagKeys.member.1=project&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess&ExternalId=ext-1";

// Parsed by botocore as {'Credentials': {'AccessKeyId': 'ASIAEXAMPLE',
//   'SecretAccessKey': 'secret/key+with=chars', 'SessionToken': 'token',
//   'Expiration': datetime(2024, 5, 1, 13, 0, tzinfo=tzutc())},
//   'AssumedRoleUser': {'AssumedRoleId': 'AROAEXAMPLEID:session-1',
//   'Arn': 'arn:aws:sts::123456789012:assumed-role/web-task/session-1'},
//   'PackedPolicySize': 6, 'SourceIdentity': 'me', 'ResponseMetadata': {...}}
const STS_ASSUME_ROLE_XML: &str =
    "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\
    <AssumeRoleResult><Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId>\
    <SecretAccessKey>secret/key+with=chars</SecretAccessKey>\
    <SessionToken>token</SessionToken><Expiration>2024-05-01T13:00:00Z</Expiration>\
    </Credentials><AssumedRoleUser>\
    <AssumedRoleId>AROAEXAMPLEID:session-1</AssumedRoleId>\
    <Arn>arn:aws:sts::123456789012:assumed-role/web-task/session-1</Arn>\
    </AssumedRoleUser><PackedPolicySize>6</PackedPolicySize>\
    <SourceIdentity>me</SourceIdentity></AssumeRoleResult><ResponseMetadata>\
    <RequestId>req-5</RequestId></ResponseMetadata></AssumeRoleResponse>";

#[test]
fn sts_assume_role_round_trip() {
    let request: sts::AssumeRoleRequest = parse_request(&params(STS_ASSUME_ROLE)).unwrap();
    assert_eq!(
        request,
        sts::AssumeRoleRequest {
            role_arn: "arn:aws:iam::123456789012:role/web-task".into(),
            role_session_name: "session-1".into(),
            policy_arns: Some(vec![sts::PolicyDescriptorType {
                arn: Some("arn:aws:iam::aws:policy/ReadOnlyAccess".into()),
            }]),
            duration_seconds: Some(3600),
            tags: Some(vec![sts::Tag {
                key: "project".into(),
                value: "berth".into(),
            }]),
            transitive_tag_keys: Some(vec!["project".into()]),
            external_id: Some("ext-1".into()),
            ..Default::default()
        }
    );
    let response = sts::AssumeRoleResponse {
        credentials: Some(sts::Credentials {
            access_key_id: "ASIAEXAMPLE".into(),
            secret_access_key: "secret/key+with=chars".into(),
            session_token: "token".into(),
            expiration: MAY_FIRST_NOON + 3600.0,
        }),
        assumed_role_user: Some(sts::AssumedRoleUser {
            assumed_role_id: "AROAEXAMPLEID:session-1".into(),
            arn: "arn:aws:sts::123456789012:assumed-role/web-task/session-1".into(),
        }),
        packed_policy_size: Some(6),
        source_identity: Some("me".into()),
    };
    let xml = response_xml("AssumeRole", sts::XML_NAMESPACE, Some(&response), "req-5");
    check_xml("sts_assume_role", &xml, STS_ASSUME_ROLE_XML);
}

// Parsed by botocore as {'UserId': 'AIDAEXAMPLE', 'Account': '123456789012',
//   'Arn': 'arn:aws:iam::123456789012:user/alice', 'ResponseMetadata': {...}}
const STS_GET_CALLER_IDENTITY_XML: &str =
    "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\
    <GetCallerIdentityResult><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>\
    <Arn>arn:aws:iam::123456789012:user/alice</Arn></GetCallerIdentityResult>\
    <ResponseMetadata><RequestId>req-6</RequestId></ResponseMetadata>\
    </GetCallerIdentityResponse>";

#[test]
fn sts_get_caller_identity_round_trip() {
    // sts.get_caller_identity()
    let params = params("Action=GetCallerIdentity&Version=2011-06-15");
    let request: sts::GetCallerIdentityRequest = parse_request(&params).unwrap();
    assert_eq!(request, sts::GetCallerIdentityRequest {});
    let response = sts::GetCallerIdentityResponse {
        user_id: Some("AIDAEXAMPLE".into()),
        account: Some("123456789012".into()),
        arn: Some("arn:aws:iam::123456789012:user/alice".into()),
    };
    let xml = response_xml(
        "GetCallerIdentity",
        sts::XML_NAMESPACE,
        Some(&response),
        "req-6",
    );
    check_xml("sts_get_caller_identity", &xml, STS_GET_CALLER_IDENTITY_XML);
}

// ----- ELBv2 -----

const LISTENER_ARN: &str = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
const BLUE: &str = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1";
const GREEN: &str = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/2";

// elbv2.create_rule(ListenerArn=LISTENER_ARN, Priority=10, Conditions=[
//     {'Field': 'path-pattern', 'PathPatternConfig': {'Values': ['/api/*', '/v2/*']}},
//     {'Field': 'host-header', 'HostHeaderConfig': {'Values': ['example.com']}},
//     {'Field': 'http-header', 'HttpHeaderConfig': {'HttpHeaderName': 'X-Env',
//         'Values': ['blue', 'green']}},
//     {'Field': 'query-string', 'QueryStringConfig': {'Values': [
//         {'Key': 'version', 'Value': 'v1'}, {'Value': '*example*'}]}}],
//   Actions=[
//     {'Type': 'authenticate-oidc', 'Order': 1, 'AuthenticateOidcConfig': {
//         'Issuer': 'https://idp.example.com', ..., 'ClientId': 'client',
//         'ClientSecret': 's3cret',
//         'AuthenticationRequestExtraParams': {'prompt': 'login', 'display': 'page'}}},
//     {'Type': 'forward', 'Order': 2, 'ForwardConfig': {'TargetGroups': [
//         {'TargetGroupArn': BLUE, 'Weight': 80}, {'TargetGroupArn': GREEN, 'Weight': 20}],
//         'TargetGroupStickinessConfig': {'Enabled': True, 'DurationSeconds': 300}}}],
//   Tags=[{'Key': 'team', 'Value': 'web'}])
const ELBV2_CREATE_RULE: &str = "Action=CreateRule&Version=2015-12-01&ListenerArn=arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A123456789012%3Alistener%2Fapp%2Fweb%2F50dc6c495c0c9188%2Ff2f7dc8efc522ab2&Priority=10&Conditions.member.1.Field=path-pattern&Conditions.member.1.PathPatternConfig.Values.member.1=%2Fapi%2F%2A&Conditions.member.1.PathPatternConfig.Values.member.2=%2Fv2%2F%2A&Conditions.member.2.Field=host-header&Conditions.member.2.HostHeaderConfig.Values.member.1=example.com&Conditions.member.3.Field=http-header&Conditions.member.3.HttpHeaderConfig.HttpHeaderName=X-Env&Conditions.member.3.HttpHeaderConfig.Values.member.1=blue&Conditions.member.3.HttpHeaderConfig.Values.member.2=green&Conditions.member.4.Field=query-string&Conditions.member.4.QueryStringConfig.Values.member.1.Key=version&Conditions.member.4.QueryStringConfig.Values.member.1.Value=v1&Conditions.member.4.QueryStringConfig.Values.member.2.Value=%2Aexample%2A&Actions.member.1.Type=authenticate-oidc&Actions.member.1.Order=1&Actions.member.1.AuthenticateOidcConfig.Issuer=https%3A%2F%2Fidp.example.com&Actions.member.1.AuthenticateOidcConfig.AuthorizationEndpoint=https%3A%2F%2Fidp.example.com%2Fauth&Actions.member.1.AuthenticateOidcConfig.TokenEndpoint=https%3A%2F%2Fidp.example.com%2Ftoken&Actions.member.1.AuthenticateOidcConfig.UserInfoEndpoint=https%3A%2F%2Fidp.example.com%2Fuserinfo&Actions.member.1.AuthenticateOidcConfig.ClientId=client&Actions.member.1.AuthenticateOidcConfig.ClientSecret=s3cret&Actions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.key=prompt&Actions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.value=login&Actions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.2.key=display&Actions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.2.value=page&Actions.member.2.Type=forward&Actions.member.2.Order=2&Actions.member.2.ForwardConfig.TargetGroups.member.1.TargetGroupArn=arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A123456789012%3Atargetgroup%2Fblue%2F1&Actions.member.2.ForwardConfig.TargetGroups.member.1.Weight=80&Actions.member.2.ForwardConfig.TargetGroups.member.2.TargetGroupArn=arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A123456789012%3Atargetgroup%2Fgreen%2F2&Actions.member.2.ForwardConfig.TargetGroups.member.2.Weight=20&Actions.member.2.ForwardConfig.TargetGroupStickinessConfig.Enabled=true&Actions.member.2.ForwardConfig.TargetGroupStickinessConfig.DurationSeconds=300&Tags.member.1.Key=team&Tags.member.1.Value=web";

fn rule_conditions() -> Vec<elbv2::RuleCondition> {
    vec![
        elbv2::RuleCondition {
            field: Some("path-pattern".into()),
            path_pattern_config: Some(elbv2::PathPatternConditionConfig {
                values: Some(vec!["/api/*".into(), "/v2/*".into()]),
                regex_values: None,
            }),
            ..Default::default()
        },
        elbv2::RuleCondition {
            field: Some("host-header".into()),
            host_header_config: Some(elbv2::HostHeaderConditionConfig {
                values: Some(vec!["example.com".into()]),
                regex_values: None,
            }),
            ..Default::default()
        },
        elbv2::RuleCondition {
            field: Some("http-header".into()),
            http_header_config: Some(elbv2::HttpHeaderConditionConfig {
                http_header_name: Some("X-Env".into()),
                values: Some(vec!["blue".into(), "green".into()]),
                regex_values: None,
            }),
            ..Default::default()
        },
        elbv2::RuleCondition {
            field: Some("query-string".into()),
            query_string_config: Some(elbv2::QueryStringConditionConfig {
                values: Some(vec![
                    elbv2::QueryStringKeyValuePair {
                        key: Some("version".into()),
                        value: Some("v1".into()),
                    },
                    elbv2::QueryStringKeyValuePair {
                        key: None,
                        value: Some("*example*".into()),
                    },
                ]),
            }),
            ..Default::default()
        },
    ]
}

/// An action of `type_` with no other member set.
fn action(type_: elbv2::ActionTypeEnum) -> elbv2::Action {
    elbv2::Action {
        type_,
        target_group_arn: None,
        authenticate_oidc_config: None,
        authenticate_cognito_config: None,
        order: None,
        redirect_config: None,
        fixed_response_config: None,
        forward_config: None,
        jwt_validation_config: None,
    }
}

fn forward_action() -> elbv2::Action {
    let tuple = |arn: &str, weight| elbv2::TargetGroupTuple {
        target_group_arn: Some(arn.into()),
        weight: Some(weight),
    };
    elbv2::Action {
        order: Some(2),
        forward_config: Some(elbv2::ForwardActionConfig {
            target_groups: Some(vec![tuple(BLUE, 80), tuple(GREEN, 20)]),
            target_group_stickiness_config: Some(elbv2::TargetGroupStickinessConfig {
                enabled: Some(true),
                duration_seconds: Some(300),
            }),
        }),
        ..action(elbv2::ActionTypeEnum::Forward)
    }
}

fn oidc_action() -> elbv2::Action {
    elbv2::Action {
        order: Some(1),
        authenticate_oidc_config: Some(elbv2::AuthenticateOidcActionConfig {
            issuer: "https://idp.example.com".into(),
            authorization_endpoint: "https://idp.example.com/auth".into(),
            token_endpoint: "https://idp.example.com/token".into(),
            user_info_endpoint: "https://idp.example.com/userinfo".into(),
            client_id: "client".into(),
            client_secret: Some("s3cret".into()),
            authentication_request_extra_params: Some(
                [("prompt", "login"), ("display", "page")]
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            ),
            ..Default::default()
        }),
        ..action(elbv2::ActionTypeEnum::AuthenticateOidc)
    }
}

#[test]
fn elbv2_create_rule_reads_what_botocore_sends() {
    let request: elbv2::CreateRuleInput = parse_request(&params(ELBV2_CREATE_RULE)).unwrap();
    assert_eq!(
        request,
        elbv2::CreateRuleInput {
            listener_arn: LISTENER_ARN.into(),
            conditions: rule_conditions(),
            priority: 10,
            actions: vec![oidc_action(), forward_action()],
            tags: Some(vec![elbv2::Tag {
                key: "team".into(),
                value: Some("web".into()),
            }]),
            transforms: None,
        }
    );
}

// Parsed by botocore as {'Rules': [{'RuleArn': RULE_ARN, 'Priority': '10',
//   'Conditions': [...the four conditions of the request...],
//   'Actions': [{'Type': 'authenticate-oidc', ..., 'AuthenticationRequestExtraParams':
//   {'display': 'page', 'prompt': 'login'}, 'Order': 1}, {'Type': 'forward', 'Order': 2,
//   'ForwardConfig': {'TargetGroups': [{'TargetGroupArn': BLUE, 'Weight': 80},
//   {'TargetGroupArn': GREEN, 'Weight': 20}], 'TargetGroupStickinessConfig':
//   {'Enabled': True, 'DurationSeconds': 300}}}], 'IsDefault': False}],
//   'ResponseMetadata': {...}}
const ELBV2_CREATE_RULE_XML: &str = "<CreateRuleResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">\
    <CreateRuleResult><Rules><member>\
    <RuleArn>arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/3</RuleArn>\
    <Priority>10</Priority><Conditions><member><Field>path-pattern</Field>\
    <PathPatternConfig><Values><member>/api/*</member><member>/v2/*</member></Values>\
    </PathPatternConfig></member><member><Field>host-header</Field><HostHeaderConfig>\
    <Values><member>example.com</member></Values></HostHeaderConfig></member><member>\
    <Field>http-header</Field><HttpHeaderConfig><HttpHeaderName>X-Env</HttpHeaderName>\
    <Values><member>blue</member><member>green</member></Values></HttpHeaderConfig>\
    </member><member><Field>query-string</Field><QueryStringConfig><Values><member>\
    <Key>version</Key><Value>v1</Value></member><member><Value>*example*</Value>\
    </member></Values></QueryStringConfig></member></Conditions><Actions><member>\
    <Type>authenticate-oidc</Type><AuthenticateOidcConfig>\
    <Issuer>https://idp.example.com</Issuer>\
    <AuthorizationEndpoint>https://idp.example.com/auth</AuthorizationEndpoint>\
    <TokenEndpoint>https://idp.example.com/token</TokenEndpoint>\
    <UserInfoEndpoint>https://idp.example.com/userinfo</UserInfoEndpoint>\
    <ClientId>client</ClientId><ClientSecret>s3cret</ClientSecret>\
    <AuthenticationRequestExtraParams><entry><key>display</key><value>page</value>\
    </entry><entry><key>prompt</key><value>login</value></entry>\
    </AuthenticationRequestExtraParams></AuthenticateOidcConfig><Order>1</Order>\
    </member><member><Type>forward</Type><Order>2</Order><ForwardConfig><TargetGroups>\
    <member>\
    <TargetGroupArn>arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1</TargetGroupArn>\
    <Weight>80</Weight></member><member>\
    <TargetGroupArn>arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/2</TargetGroupArn>\
    <Weight>20</Weight></member></TargetGroups><TargetGroupStickinessConfig>\
    <Enabled>true</Enabled><DurationSeconds>300</DurationSeconds>\
    </TargetGroupStickinessConfig></ForwardConfig></member></Actions>\
    <IsDefault>false</IsDefault></member></Rules></CreateRuleResult><ResponseMetadata>\
    <RequestId>req-7</RequestId></ResponseMetadata></CreateRuleResponse>";

const RULE_ARN: &str =
    "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/3";

#[test]
fn elbv2_create_rule_response_is_what_botocore_reads() {
    let response = elbv2::CreateRuleOutput {
        rules: Some(vec![elbv2::Rule {
            rule_arn: Some(RULE_ARN.into()),
            priority: Some("10".into()),
            conditions: Some(rule_conditions()),
            actions: Some(vec![oidc_action(), forward_action()]),
            is_default: Some(false),
            transforms: None,
        }]),
    };
    let xml = response_xml("CreateRule", elbv2::XML_NAMESPACE, Some(&response), "req-7");
    check_xml("elbv2_create_rule", &xml, ELBV2_CREATE_RULE_XML);
}

// elbv2.describe_target_health(TargetGroupArn=BLUE, Targets=[
//     {'Id': '10.0.0.5', 'Port': 8080}, {'Id': '10.0.0.6', 'Port': 8080,
//     'AvailabilityZone': 'all'}], Include=['AnomalyDetection'])
const ELBV2_DESCRIBE_TARGET_HEALTH: &str = "Action=DescribeTargetHealth&Version=2015-12-01&TargetGroupArn=arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A123456789012%3Atargetgroup%2Fblue%2F1&Targets.member.1.Id=10.0.0.5&Targets.member.1.Port=8080&Targets.member.2.Id=10.0.0.6&Targets.member.2.Port=8080&Targets.member.2.AvailabilityZone=all&Include.member.1=AnomalyDetection";

// Parsed by botocore as {'TargetHealthDescriptions': [
//   {'Target': {'Id': '10.0.0.5', 'Port': 8080}, 'HealthCheckPort': '8080',
//    'TargetHealth': {'State': 'healthy'}},
//   {'Target': {'Id': '10.0.0.6', 'Port': 8080, 'AvailabilityZone': 'all'},
//    'HealthCheckPort': '8080', 'TargetHealth': {'State': 'unhealthy',
//    'Reason': 'Target.ResponseCodeMismatch',
//    'Description': 'Health checks failed with these codes: [503]'}}],
//   'ResponseMetadata': {...}}
const ELBV2_DESCRIBE_TARGET_HEALTH_XML: &str = "<DescribeTargetHealthResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">\
    <DescribeTargetHealthResult><TargetHealthDescriptions><member><Target>\
    <Id>10.0.0.5</Id><Port>8080</Port></Target><HealthCheckPort>8080</HealthCheckPort>\
    <TargetHealth><State>healthy</State></TargetHealth></member><member><Target>\
    <Id>10.0.0.6</Id><Port>8080</Port><AvailabilityZone>all</AvailabilityZone></Target>\
    <HealthCheckPort>8080</HealthCheckPort><TargetHealth><State>unhealthy</State>\
    <Reason>Target.ResponseCodeMismatch</Reason>\
    <Description>Health checks failed with these codes: [503]</Description>\
    </TargetHealth></member></TargetHealthDescriptions></DescribeTargetHealthResult>\
    <ResponseMetadata><RequestId>req-8</RequestId></ResponseMetadata>\
    </DescribeTargetHealthResponse>";

#[test]
fn elbv2_describe_target_health_round_trip() {
    let request: elbv2::DescribeTargetHealthInput =
        parse_request(&params(ELBV2_DESCRIBE_TARGET_HEALTH)).unwrap();
    let target = |id: &str, az: Option<&str>| elbv2::TargetDescription {
        id: id.into(),
        port: Some(8080),
        availability_zone: az.map(Into::into),
        quic_server_id: None,
    };
    assert_eq!(
        request,
        elbv2::DescribeTargetHealthInput {
            target_group_arn: BLUE.into(),
            targets: Some(vec![
                target("10.0.0.5", None),
                target("10.0.0.6", Some("all"))
            ]),
            include: Some(vec![
                elbv2::DescribeTargetHealthInputIncludeEnum::AnomalyDetection
            ]),
        }
    );
    let response = elbv2::DescribeTargetHealthOutput {
        target_health_descriptions: Some(vec![
            elbv2::TargetHealthDescription {
                target: Some(target("10.0.0.5", None)),
                health_check_port: Some("8080".into()),
                target_health: Some(elbv2::TargetHealth {
                    state: Some(elbv2::TargetHealthStateEnum::Healthy),
                    reason: None,
                    description: None,
                }),
                ..Default::default()
            },
            elbv2::TargetHealthDescription {
                target: Some(target("10.0.0.6", Some("all"))),
                health_check_port: Some("8080".into()),
                target_health: Some(elbv2::TargetHealth {
                    state: Some(elbv2::TargetHealthStateEnum::Unhealthy),
                    reason: Some(elbv2::TargetHealthReasonEnum::TargetResponseCodeMismatch),
                    description: Some("Health checks failed with these codes: [503]".into()),
                }),
                ..Default::default()
            },
        ]),
    };
    let xml = response_xml(
        "DescribeTargetHealth",
        elbv2::XML_NAMESPACE,
        Some(&response),
        "req-8",
    );
    check_xml(
        "elbv2_describe_target_health",
        &xml,
        ELBV2_DESCRIBE_TARGET_HEALTH_XML,
    );
}

// elbv2.set_rule_priorities(RulePriorities=[{'RuleArn': RULE_ARN, 'Priority': 5},
//     {'RuleArn': RULE_ARN_2, 'Priority': 6}])
const ELBV2_SET_RULE_PRIORITIES: &str = "Action=SetRulePriorities&Version=2015-12-01&RulePriorities.member.1.RuleArn=arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A123456789012%3Alistener-rule%2Fapp%2Fweb%2F1%2F2%2F3&RulePriorities.member.1.Priority=5&RulePriorities.member.2.RuleArn=arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A123456789012%3Alistener-rule%2Fapp%2Fweb%2F1%2F2%2F4&RulePriorities.member.2.Priority=6";

const RULE_ARN_2: &str =
    "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/4";

// Parsed by botocore as {'Rules': [
//   {'RuleArn': RULE_ARN, 'Priority': '5', 'Conditions': [{'Field': 'path-pattern',
//    'Values': ['/a']}], 'Actions': [{'Type': 'forward', 'TargetGroupArn': BLUE}],
//    'IsDefault': False},
//   {'RuleArn': RULE_ARN_2, 'Priority': '6', 'Conditions': [], 'Actions': [],
//    'IsDefault': False}], 'ResponseMetadata': {...}}
const ELBV2_SET_RULE_PRIORITIES_XML: &str = "<SetRulePrioritiesResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">\
    <SetRulePrioritiesResult><Rules><member>\
    <RuleArn>arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/3</RuleArn>\
    <Priority>5</Priority><Conditions><member><Field>path-pattern</Field><Values>\
    <member>/a</member></Values></member></Conditions><Actions><member>\
    <Type>forward</Type>\
    <TargetGroupArn>arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1</TargetGroupArn>\
    </member></Actions><IsDefault>false</IsDefault></member><member>\
    <RuleArn>arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/4</RuleArn>\
    <Priority>6</Priority><Conditions></Conditions><Actions></Actions>\
    <IsDefault>false</IsDefault></member></Rules></SetRulePrioritiesResult>\
    <ResponseMetadata><RequestId>req-9</RequestId></ResponseMetadata>\
    </SetRulePrioritiesResponse>";

#[test]
fn elbv2_set_rule_priorities_round_trip() {
    let request: elbv2::SetRulePrioritiesInput =
        parse_request(&params(ELBV2_SET_RULE_PRIORITIES)).unwrap();
    let pair = |arn: &str, priority| elbv2::RulePriorityPair {
        rule_arn: Some(arn.into()),
        priority: Some(priority),
    };
    assert_eq!(
        request.rule_priorities,
        vec![pair(RULE_ARN, 5), pair(RULE_ARN_2, 6)]
    );
    let response = elbv2::SetRulePrioritiesOutput {
        rules: Some(vec![
            elbv2::Rule {
                rule_arn: Some(RULE_ARN.into()),
                priority: Some("5".into()),
                conditions: Some(vec![elbv2::RuleCondition {
                    field: Some("path-pattern".into()),
                    values: Some(vec!["/a".into()]),
                    ..Default::default()
                }]),
                actions: Some(vec![elbv2::Action {
                    target_group_arn: Some(BLUE.into()),
                    ..action(elbv2::ActionTypeEnum::Forward)
                }]),
                is_default: Some(false),
                transforms: None,
            },
            // Empty lists are written as empty elements, which botocore reads as [].
            elbv2::Rule {
                rule_arn: Some(RULE_ARN_2.into()),
                priority: Some("6".into()),
                conditions: Some(vec![]),
                actions: Some(vec![]),
                is_default: Some(false),
                transforms: None,
            },
        ]),
    };
    let xml = response_xml(
        "SetRulePriorities",
        elbv2::XML_NAMESPACE,
        Some(&response),
        "req-9",
    );
    check_xml(
        "elbv2_set_rule_priorities",
        &xml,
        ELBV2_SET_RULE_PRIORITIES_XML,
    );
}

// Parsed by botocore as {'ResponseMetadata': {...}}; the (empty) result element must be
// there, since DeleteRule's output shape has a result wrapper.
const ELBV2_DELETE_RULE_XML: &str =
    "<DeleteRuleResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">\
    <DeleteRuleResult></DeleteRuleResult><ResponseMetadata><RequestId>req-10</RequestId>\
    </ResponseMetadata></DeleteRuleResponse>";

#[test]
fn elbv2_empty_output_keeps_its_result_element() {
    let xml = response_xml(
        "DeleteRule",
        elbv2::XML_NAMESPACE,
        Some(&elbv2::DeleteRuleOutput {}),
        "req-10",
    );
    check_xml("elbv2_delete_rule", &xml, ELBV2_DELETE_RULE_XML);
}

#[test]
fn elbv2_empty_list_as_botocore_sends_it() {
    // elbv2.remove_tags(ResourceArns=[BLUE], TagKeys=[])
    let body = "Action=RemoveTags&Version=2015-12-01&ResourceArns.member.1=arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A123456789012%3Atargetgroup%2Fblue%2F1&TagKeys=";
    let request: elbv2::RemoveTagsInput = parse_request(&params(body)).unwrap();
    assert_eq!(request.resource_arns, vec![BLUE.to_string()]);
    assert_eq!(request.tag_keys, Vec::<String>::new());
}

#[test]
fn elbv2_create_target_group_reads_enums_and_nested_structures() {
    // elbv2.create_target_group(Name='blue', Protocol='HTTP', Port=80, VpcId='vpc-1',
    //     HealthCheckEnabled=True, HealthCheckPath='/health', HealthCheckIntervalSeconds=10,
    //     Matcher={'HttpCode': '200-299'}, TargetType='ip')
    let body = "Action=CreateTargetGroup&Version=2015-12-01&Name=blue&Protocol=HTTP&Port=80&VpcId=vpc-1&HealthCheckEnabled=true&HealthCheckPath=%2Fhealth&HealthCheckIntervalSeconds=10&Matcher.HttpCode=200-299&TargetType=ip";
    let request: elbv2::CreateTargetGroupInput = parse_request(&params(body)).unwrap();
    assert_eq!(
        request,
        elbv2::CreateTargetGroupInput {
            name: "blue".into(),
            protocol: Some(elbv2::ProtocolEnum::Http),
            port: Some(80),
            vpc_id: Some("vpc-1".into()),
            health_check_enabled: Some(true),
            health_check_path: Some("/health".into()),
            health_check_interval_seconds: Some(10),
            matcher: Some(elbv2::Matcher {
                http_code: Some("200-299".into()),
                grpc_code: None,
            }),
            target_type: Some(elbv2::TargetTypeEnum::Ip),
            ..Default::default()
        }
    );

    let bad = body.replace("Protocol=HTTP", "Protocol=HTTPX");
    let error = parse_request::<elbv2::CreateTargetGroupInput>(&params(&bad)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "1 validation error detected: Value 'HTTPX' at 'protocol' failed to satisfy \
         constraint: Member must satisfy enum value set: [HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, \
         GENEVE, QUIC, TCP_QUIC]"
    );

    let bad = body.replace("Port=80", "Port=eighty");
    let error = parse_request::<elbv2::CreateTargetGroupInput>(&params(&bad)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "1 validation error detected: Value 'eighty' at 'port' failed to satisfy constraint: \
         Member must be an integer from -2147483648 to 2147483647"
    );

    let bad = format!("{body}&Matcher.HttpCodes=200");
    let error = parse_request::<elbv2::CreateTargetGroupInput>(&params(&bad)).unwrap_err();
    assert_eq!(
        error,
        QueryError::UnknownParameter {
            param: "Matcher.HttpCodes".into()
        }
    );
}

#[test]
fn module_constants_match_the_models() {
    assert_eq!(iam::SIGNING_SERVICE, "iam");
    assert_eq!(
        iam::XML_NAMESPACE,
        "https://iam.amazonaws.com/doc/2010-05-08/"
    );
    assert_eq!(sts::SIGNING_SERVICE, "sts");
    assert_eq!(sts::API_VERSION, "2011-06-15");
    assert_eq!(elbv2::SIGNING_SERVICE, "elasticloadbalancing");
    assert_eq!(
        elbv2::XML_NAMESPACE,
        "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"
    );
    assert_eq!(elbv2::OPERATIONS.len(), 26);
    assert_eq!(iam::OPERATIONS.len(), 20);
    assert_eq!(sts::OPERATIONS, ["GetCallerIdentity", "AssumeRole"]);
}

// ----- EC2 -----
// botocore's EC2Serializer flattens every list (`Name.1`) and names members by their
// capitalized `locationName`; its EC2 parser reads answers without a result wrapper.

// ec2.authorize_security_group_ingress(GroupId='sg-0123456789abcdef0', DryRun=False,
//     IpPermissions=[{'IpProtocol': 'tcp', 'FromPort': 80, 'ToPort': 81,
//                     'IpRanges': [{'CidrIp': '10.0.0.0/8'}, {'CidrIp': '192.168.0.0/16'}]}])
const EC2_AUTHORIZE: &str = "Action=AuthorizeSecurityGroupIngress&Version=2016-11-15&GroupId=sg-0123456789abcdef0&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=80&IpPermissions.1.ToPort=81&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0%2F8&IpPermissions.1.IpRanges.2.CidrIp=192.168.0.0%2F16&DryRun=false";

// ec2.describe_subnets(SubnetIds=['subnet-0123456789abcdef0'],
//     Filters=[{'Name': 'cidr-block', 'Values': ['10.1.*', '10.2.*']}])
const EC2_DESCRIBE_SUBNETS: &str = "Action=DescribeSubnets&Version=2016-11-15&SubnetId.1=subnet-0123456789abcdef0&Filter.1.Name=cidr-block&Filter.1.Value.1=10.1.%2A&Filter.1.Value.2=10.2.%2A";

// ec2.create_security_group(GroupName='web', Description='web tier',
//     VpcId='vpc-0000000000000b347')
const EC2_CREATE_SECURITY_GROUP: &str = "Action=CreateSecurityGroup&Version=2016-11-15&GroupName=web&GroupDescription=web+tier&VpcId=vpc-0000000000000b347";

#[test]
fn ec2_requests_read_what_botocore_sends() {
    let request: ec2::AuthorizeSecurityGroupIngressRequest =
        parse_request(&params(EC2_AUTHORIZE)).unwrap();
    assert_eq!(request.group_id.as_deref(), Some("sg-0123456789abcdef0"));
    assert_eq!(request.dry_run, Some(false));
    let permissions = request.ip_permissions.expect("IpPermissions");
    assert_eq!(permissions.len(), 1);
    assert_eq!(permissions[0].ip_protocol.as_deref(), Some("tcp"));
    assert_eq!(
        (permissions[0].from_port, permissions[0].to_port),
        (Some(80), Some(81))
    );
    let cidrs: Vec<_> = permissions[0]
        .ip_ranges
        .as_ref()
        .expect("IpRanges")
        .iter()
        .map(|r| r.cidr_ip.clone().unwrap_or_default())
        .collect();
    assert_eq!(cidrs, vec!["10.0.0.0/8", "192.168.0.0/16"]);

    let request: ec2::DescribeSubnetsRequest =
        parse_request(&params(EC2_DESCRIBE_SUBNETS)).unwrap();
    assert_eq!(
        request.subnet_ids,
        Some(vec!["subnet-0123456789abcdef0".to_owned()])
    );
    assert_eq!(
        request.filters,
        Some(vec![ec2::Filter {
            name: Some("cidr-block".into()),
            values: Some(vec!["10.1.*".into(), "10.2.*".into()]),
        }])
    );

    let request: ec2::CreateSecurityGroupRequest =
        parse_request(&params(EC2_CREATE_SECURITY_GROUP)).unwrap();
    assert_eq!(request.group_name, "web");
    assert_eq!(request.description, "web tier");
    assert_eq!(request.vpc_id.as_deref(), Some("vpc-0000000000000b347"));
}

#[test]
fn ec2_answers_are_what_botocore_reads() {
    // botocore's EC2 parser read this as {'NextToken': 'abc', 'SecurityGroups': [{'GroupId':
    // 'sg-0123456789abcdef0', 'IpPermissionsEgress': [{'IpProtocol': '-1', 'IpRanges':
    // [{'CidrIp': '0.0.0.0/0'}]}], 'VpcId': 'vpc-0000000000000b347', 'GroupName': 'web',
    // 'Description': 'web & tier', 'IpPermissions': [{'IpProtocol': 'tcp', 'FromPort': 80,
    // 'ToPort': 81, 'UserIdGroupPairs': [], 'IpRanges': [{'CidrIp': '10.0.0.0/8'}]}]}]}.
    let range = |cidr: &str| ec2::IpRange {
        cidr_ip: Some(cidr.into()),
        description: None,
    };
    let result = ec2::DescribeSecurityGroupsResult {
        next_token: Some("abc".into()),
        security_groups: Some(vec![ec2::SecurityGroup {
            group_id: Some("sg-0123456789abcdef0".into()),
            ip_permissions_egress: Some(vec![ec2::IpPermission {
                ip_protocol: Some("-1".into()),
                ip_ranges: Some(vec![range("0.0.0.0/0")]),
                ..Default::default()
            }]),
            vpc_id: Some("vpc-0000000000000b347".into()),
            group_name: Some("web".into()),
            description: Some("web & tier".into()),
            ip_permissions: Some(vec![ec2::IpPermission {
                ip_protocol: Some("tcp".into()),
                from_port: Some(80),
                to_port: Some(81),
                user_id_group_pairs: Some(Vec::new()),
                ip_ranges: Some(vec![range("10.0.0.0/8")]),
                ..Default::default()
            }]),
            ..Default::default()
        }]),
    };
    check_xml(
        "DescribeSecurityGroups",
        &ec2_response_xml(
            "DescribeSecurityGroups",
            "http://ec2.amazonaws.com/doc/2016-11-15/",
            Some(&result),
            "rid",
        ),
        "<DescribeSecurityGroupsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>rid</requestId><nextToken>abc</nextToken><securityGroupInfo><item><groupId>sg-0123456789abcdef0</groupId><ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item></ipPermissionsEgress><vpcId>vpc-0000000000000b347</vpcId><groupName>web</groupName><groupDescription>web &amp; tier</groupDescription><ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>80</fromPort><toPort>81</toPort><groups></groups><ipRanges><item><cidrIp>10.0.0.0/8</cidrIp></item></ipRanges></item></ipPermissions></item></securityGroupInfo></DescribeSecurityGroupsResponse>",
    );
    // botocore read this as {'Error': {'Code': 'InvalidGroup.NotFound', 'Message': 'nope'},
    // 'ResponseMetadata': {'RequestId': 'rid', …}}.
    check_xml(
        "EC2 error",
        &ec2_error_xml("InvalidGroup.NotFound", "nope", "rid"),
        "<Response><Errors><Error><Code>InvalidGroup.NotFound</Code><Message>nope</Message></Error></Errors><RequestID>rid</RequestID></Response>",
    );
}
