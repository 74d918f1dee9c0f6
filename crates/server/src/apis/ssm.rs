//! The SSM API's operation table (the Parameter Store subset berth serves) and what each
//! action needs permission for: the action on the parameter's ARN
//! (`arn:aws:ssm:REGION:ACCOUNT:parameter/NAME`), once per parameter a call names.

use berth_api::ssm::*;

use crate::app::secret_refs::{parameter_arn, parse_parameter_ref};
use crate::app::App;
use crate::identity::Access;

crate::json_operations! {
    /// A parsed SSM request. Each variant is one action of the SSM API.
    SsmCommand, SSM_OPERATIONS, "ssm";

    PutParameter(PutParameterRequest) => put_parameter [caller];
    GetParameter(GetParameterRequest) => get_parameter;
    GetParameters(GetParametersRequest) => get_parameters;
    GetParametersByPath(GetParametersByPathRequest) => get_parameters_by_path;
    DescribeParameters(DescribeParametersRequest) => describe_parameters;
    DeleteParameter(DeleteParameterRequest) => delete_parameter;
    DeleteParameters(DeleteParametersRequest) => delete_parameters;
    GetParameterHistory(GetParameterHistoryRequest) => get_parameter_history;
    LabelParameterVersion(LabelParameterVersionRequest) => label_parameter_version;
    UnlabelParameterVersion(UnlabelParameterVersionRequest) => unlabel_parameter_version;
    AddTagsToResource(AddTagsToResourceRequest) => ssm_add_tags_to_resource;
    RemoveTagsFromResource(RemoveTagsFromResourceRequest) => ssm_remove_tags_from_resource;
    ListTagsForResource(ListTagsForResourceRequest) => ssm_list_tags_for_resource;
    ResumeSession(ResumeSessionRequest) => ssm_resume_session;
    TerminateSession(TerminateSessionRequest) => ssm_terminate_session;
}

impl SsmCommand {
    /// What the command needs permission for.
    pub fn access(&self, app: &App) -> Vec<Access> {
        let action = self.action();
        let on = |name: &str| Access::new(action, resource(app, name));
        match self {
            SsmCommand::PutParameter(r) => vec![on(&r.name)],
            SsmCommand::GetParameter(r) => vec![on(&r.name)],
            SsmCommand::GetParameters(r) => r.names.iter().map(|n| on(n)).collect(),
            SsmCommand::GetParametersByPath(r) => vec![on(r.path.trim_end_matches('/'))],
            SsmCommand::DescribeParameters(_) => vec![Access::new(action, "*")],
            SsmCommand::DeleteParameter(r) => vec![on(&r.name)],
            SsmCommand::DeleteParameters(r) => r.names.iter().map(|n| on(n)).collect(),
            SsmCommand::GetParameterHistory(r) => vec![on(&r.name)],
            SsmCommand::LabelParameterVersion(r) => vec![on(&r.name)],
            SsmCommand::UnlabelParameterVersion(r) => vec![on(&r.name)],
            SsmCommand::AddTagsToResource(r) => {
                vec![tagged(app, action, r.resource_type, &r.resource_id)]
            }
            SsmCommand::RemoveTagsFromResource(r) => {
                vec![tagged(app, action, r.resource_type, &r.resource_id)]
            }
            SsmCommand::ListTagsForResource(r) => {
                vec![tagged(app, action, r.resource_type, &r.resource_id)]
            }
            // ECS Exec sessions: the action on `arn:aws:ssm:REGION:ACCOUNT:session/ID`.
            SsmCommand::ResumeSession(r) => {
                vec![Access::new(action, session_arn(app, &r.session_id))]
            }
            SsmCommand::TerminateSession(r) => {
                vec![Access::new(action, session_arn(app, &r.session_id))]
            }
        }
    }
}

/// The ARN of the parameter a name (with or without a selector) or ARN names. A name that
/// does not parse is authorized as written; the call refuses it afterwards.
fn resource(app: &App, name: &str) -> String {
    match parse_parameter_ref(&app.config.scope, name) {
        Ok(reference) => parameter_arn(&app.config.scope, &reference.names[0]),
        Err(_) => name.to_owned(),
    }
}

fn session_arn(app: &App, id: &str) -> String {
    let scope = &app.config.scope;
    format!(
        "arn:aws:ssm:{}:{}:session/{id}",
        scope.region, scope.account
    )
}

fn tagged(app: &App, action: &str, kind: ResourceTypeForTagging, id: &str) -> Access {
    match kind {
        ResourceTypeForTagging::Parameter => Access::new(action, resource(app, id)),
        _ => Access::new(action, "*"),
    }
}
