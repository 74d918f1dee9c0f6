//! The Secrets Manager API's operation table and what each action needs permission for:
//! the action on the secret's ARN (with its random suffix once the secret exists; the
//! partial ARN `…:secret:NAME` for CreateSecret and for secrets that do not exist).
//! BatchGetSecretValue needs `secretsmanager:BatchGetSecretValue`, and then
//! `secretsmanager:GetSecretValue` on each secret, checked secret by secret by the app
//! (a denied secret is reported in `Errors`, as Secrets Manager does).

use berth_api::secretsmanager::*;

use crate::app::secret_refs::partial_secret_arn;
use crate::app::App;
use crate::identity::Access;

crate::json_operations! {
    /// A parsed Secrets Manager request. Each variant is one action of the API.
    SecretsManagerCommand, SECRETS_MANAGER_OPERATIONS, "secretsmanager";

    CreateSecret(CreateSecretRequest) => create_secret;
    GetSecretValue(GetSecretValueRequest) => get_secret_value;
    BatchGetSecretValue(BatchGetSecretValueRequest) => batch_get_secret_value [caller];
    PutSecretValue(PutSecretValueRequest) => put_secret_value;
    DescribeSecret(DescribeSecretRequest) => describe_secret;
    ListSecrets(ListSecretsRequest) => list_secrets;
    UpdateSecret(UpdateSecretRequest) => update_secret;
    DeleteSecret(DeleteSecretRequest) => delete_secret;
    RestoreSecret(RestoreSecretRequest) => restore_secret;
    UpdateSecretVersionStage(UpdateSecretVersionStageRequest) => update_secret_version_stage;
    ListSecretVersionIds(ListSecretVersionIdsRequest) => list_secret_version_ids;
    TagResource(TagResourceRequest) => secret_tag_resource;
    UntagResource(UntagResourceRequest) => secret_untag_resource;
}

impl SecretsManagerCommand {
    /// What the command needs permission for.
    pub async fn access(&self, app: &App) -> Vec<Access> {
        use SecretsManagerCommand::*;
        let action = self.action();
        let secret_id = match self {
            CreateSecret(r) => {
                let arn = partial_secret_arn(&app.config.scope, &r.name);
                return vec![Access::new(action, arn).with("secretsmanager:Name", &r.name)];
            }
            BatchGetSecretValue(_) | ListSecrets(_) => return vec![Access::new(action, "*")],
            GetSecretValue(r) => &r.secret_id,
            PutSecretValue(r) => &r.secret_id,
            DescribeSecret(r) => &r.secret_id,
            UpdateSecret(r) => &r.secret_id,
            DeleteSecret(r) => &r.secret_id,
            RestoreSecret(r) => &r.secret_id,
            UpdateSecretVersionStage(r) => &r.secret_id,
            ListSecretVersionIds(r) => &r.secret_id,
            TagResource(r) => &r.secret_id,
            UntagResource(r) => &r.secret_id,
        };
        vec![Access::new(action, app.secret_resource(secret_id).await)]
    }
}
