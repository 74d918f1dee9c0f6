//! Secrets Manager: CreateSecret, GetSecretValue, BatchGetSecretValue, PutSecretValue,
//! UpdateSecret, DescribeSecret, ListSecrets, DeleteSecret, RestoreSecret,
//! UpdateSecretVersionStage, ListSecretVersionIds and the tags of secrets.
//!
//! A secret is a head record (`/secretsmanager/secrets/NAME`: ARN with its random suffix,
//! description, tags, dates, and each version's id and staging labels) and one record per
//! version value (`/secretsmanager/values/ID/VERSION`), always sealed with the server's key
//! and bound to the secret's ARN and the version id. Every change writes the head and the
//! values it touches in one compare-and-swap transaction.
//!
//! Staging labels move as Secrets Manager moves them: a new current version takes
//! `AWSCURRENT`, and the version that had it takes `AWSPREVIOUS`; a label is on at most one
//! version; versions without labels are deprecated, and the oldest of them are dropped
//! beyond 100 versions. `ClientRequestToken` is the version id, so a retried call with the
//! same token and value changes nothing. DeleteSecret schedules deletion after a 7 to 30 day
//! recovery window (a secret waiting for deletion refuses reads with
//! InvalidRequestException, and RestoreSecret cancels it); the `secret_deletions`
//! reconciler deletes it once the window has passed. Rotation, replication and KMS keys do
//! not exist in berth and are refused where a request asks for them.

use base64::Engine;
use berth_api::secretsmanager::*;
use berth_store::{Compare, Op, Revision};
use serde::Serialize;

use super::secret_refs::{
    check_secret_name, parse_secret_id, partial_secret_arn, secret_arn, SECRET_SUFFIX_LEN,
};
use super::{put_json, txn, App, Edited};
use crate::error::{Error, Result};
use crate::identity::{Access, Caller};
use crate::model::{keys, now, SecretRecord, SecretValueRecord, SecretVersionRecord};

/// The secrets one berth holds (Secrets Manager's quota per region).
pub const MAX_SECRETS: usize = 500_000;
/// The versions kept of one secret; the oldest deprecated ones go first.
pub const MAX_VERSIONS: usize = 100;
/// The largest SecretString or SecretBinary, in bytes.
pub const MAX_SECRET_BYTES: usize = 65_536;
/// Staging labels one version may carry.
pub const MAX_STAGES_PER_VERSION: usize = 20;
pub const MAX_TAGS: usize = 50;
/// The recovery window bounds and default, in days.
pub const MIN_RECOVERY_DAYS: i64 = 7;
pub const MAX_RECOVERY_DAYS: i64 = 30;
pub const DEFAULT_RECOVERY_DAYS: i64 = 30;
/// The key Secrets Manager encrypts with when none is named.
pub const DEFAULT_KMS_KEY: &str = "alias/aws/secretsmanager";
pub const CURRENT: &str = "AWSCURRENT";
pub const PREVIOUS: &str = "AWSPREVIOUS";
const WRITE_ATTEMPTS: usize = 10;
const DAY_SECONDS: f64 = 86_400.0;

/// A secret value in clear, as the API carries it. Never logged.
#[derive(Clone, PartialEq, Eq)]
pub enum SecretPayload {
    String(String),
    Binary(Vec<u8>),
}

impl std::fmt::Debug for SecretPayload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SecretPayload::String(_) => f.write_str("SecretString(<redacted>)"),
            SecretPayload::Binary(_) => f.write_str("SecretBinary(<redacted>)"),
        }
    }
}

impl SecretPayload {
    /// Tagged bytes: `s` + UTF-8 text, or `b` + the binary.
    fn encode(&self) -> Vec<u8> {
        let (tag, body) = match self {
            SecretPayload::String(text) => (b's', text.as_bytes()),
            SecretPayload::Binary(bytes) => (b'b', bytes.as_slice()),
        };
        let mut out = Vec::with_capacity(body.len() + 1);
        out.push(tag);
        out.extend_from_slice(body);
        out
    }

    fn decode(bytes: Vec<u8>) -> Result<Self> {
        match bytes.split_first() {
            Some((b's', text)) => String::from_utf8(text.to_vec())
                .map(SecretPayload::String)
                .map_err(|e| Error::Internal(e.into())),
            Some((b'b', body)) => Ok(SecretPayload::Binary(body.to_vec())),
            _ => Err(Error::Internal(anyhow::anyhow!(
                "a secret value of unknown form"
            ))),
        }
    }

    /// The `SecretString` and `SecretBinary` members of a response.
    fn members(&self) -> (Option<String>, Option<String>) {
        match self {
            SecretPayload::String(text) => (Some(text.clone()), None),
            SecretPayload::Binary(bytes) => (
                None,
                Some(base64::engine::general_purpose::STANDARD.encode(bytes)),
            ),
        }
    }
}

/// A DeleteSecret, UntagResource or TagResource answer: Secrets Manager's no-output actions
/// answer `{}`.
#[derive(Debug, Serialize)]
pub struct Empty {}

fn resource_not_found() -> Error {
    Error::api(
        "ResourceNotFoundException",
        "Secrets Manager can't find the specified secret.",
    )
}

fn marked_for_deletion() -> Error {
    Error::api(
        "InvalidRequestException",
        "You can't perform this operation on the secret because it was marked for deletion.",
    )
}

fn conflict() -> Error {
    Error::api(
        "InternalServiceError",
        "The secret changed concurrently too many times; retry the request.",
    )
}

/// The value a request carries: exactly one of SecretString and SecretBinary, or none.
fn payload(
    secret_string: Option<&String>,
    secret_binary: Option<&String>,
) -> Result<Option<SecretPayload>> {
    match (secret_string, secret_binary) {
        (Some(_), Some(_)) => Err(Error::invalid(
            "You can't specify both a binary secret value and a string secret value in the \
             same secret.",
        )),
        (Some(text), None) => {
            if text.len() > MAX_SECRET_BYTES {
                return Err(Error::invalid(format!(
                    "SecretString must be at most {MAX_SECRET_BYTES} bytes."
                )));
            }
            Ok(Some(SecretPayload::String(text.clone())))
        }
        (None, Some(encoded)) => {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(encoded)
                .map_err(|_| Error::invalid("SecretBinary must be base64-encoded."))?;
            if bytes.is_empty() || bytes.len() > MAX_SECRET_BYTES {
                return Err(Error::invalid(format!(
                    "SecretBinary must have 1 to {MAX_SECRET_BYTES} bytes."
                )));
            }
            Ok(Some(SecretPayload::Binary(bytes)))
        }
        (None, None) => Ok(None),
    }
}

/// Refuses a KMS key other than Secrets Manager's default: berth seals with its own key.
fn check_kms_key(kms_key_id: Option<&String>) -> Result<()> {
    match kms_key_id.map(String::as_str) {
        None | Some("") | Some(DEFAULT_KMS_KEY) => Ok(()),
        Some(other) => Err(Error::invalid(format!(
            "KmsKeyId {other} cannot be used: berth seals secret values with its own server \
             key and has no KMS keys. Leave KmsKeyId out or use {DEFAULT_KMS_KEY}."
        ))),
    }
}

fn check_type(type_: Option<&String>) -> Result<()> {
    match type_ {
        None => Ok(()),
        Some(_) => Err(Error::invalid(
            "Type is not supported by berth: external secrets held by partners do not exist \
             here. Remove it.",
        )),
    }
}

fn check_tags(tags: &[Tag]) -> Result<()> {
    if tags.len() > MAX_TAGS {
        return Err(Error::invalid(format!(
            "A secret can have at most {MAX_TAGS} tags."
        )));
    }
    let mut seen = std::collections::HashSet::new();
    for tag in tags {
        let key = tag
            .key
            .as_deref()
            .ok_or_else(|| Error::invalid("Every tag needs a Key."))?;
        if key.to_ascii_lowercase().starts_with("aws:") {
            return Err(Error::invalid(format!(
                "Tag key {key} uses the reserved prefix aws:."
            )));
        }
        if !seen.insert(key) {
            return Err(Error::invalid(format!(
                "Tag key {key} is given more than once."
            )));
        }
    }
    Ok(())
}

/// Six characters of the alphabet Secrets Manager's ARN suffixes use.
fn random_suffix() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::thread_rng();
    (0..SECRET_SUFFIX_LEN)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

/// What sealed values of a secret version are bound to.
fn value_context(arn: &str, version_id: &str) -> String {
    format!("{arn}#{version_id}")
}

/// Moves `stage` to version `to` (off whichever version had it). Moving `AWSCURRENT` gives
/// the version it left `AWSPREVIOUS`.
fn attach_stage(record: &mut SecretRecord, stage: &str, to: &str) {
    let left = record
        .versions
        .iter()
        .find(|v| v.id != to && v.stages.iter().any(|s| s == stage))
        .map(|v| v.id.clone());
    for version in &mut record.versions {
        if version.id != to {
            version.stages.retain(|s| s != stage);
        } else if !version.stages.iter().any(|s| s == stage) {
            version.stages.push(stage.to_owned());
        }
    }
    if stage == CURRENT {
        if let Some(left) = left {
            attach_stage(record, PREVIOUS, &left);
        }
    }
}

/// Drops the oldest deprecated versions beyond [`MAX_VERSIONS`]; returns their ids.
fn prune_versions(record: &mut SecretRecord) -> Vec<String> {
    let mut dropped = Vec::new();
    while record.versions.len() > MAX_VERSIONS {
        let Some(at) = record.versions.iter().position(|v| v.stages.is_empty()) else {
            break;
        };
        dropped.push(record.versions.remove(at).id);
    }
    dropped
}

impl App {
    pub async fn create_secret(&self, req: CreateSecretRequest) -> Result<CreateSecretResponse> {
        check_secret_name(&req.name).map_err(Error::invalid)?;
        check_kms_key(req.kms_key_id.as_ref())?;
        check_type(req.type_.as_ref())?;
        if req
            .add_replica_regions
            .as_ref()
            .is_some_and(|r| !r.is_empty())
        {
            return Err(Error::invalid(
                "AddReplicaRegions is not supported by berth: it holds secrets in one region. \
                 Remove it.",
            ));
        }
        if req.force_overwrite_replica_secret == Some(true) {
            return Err(Error::invalid(
                "ForceOverwriteReplicaSecret is not supported by berth: there are no replica \
                 regions. Remove it.",
            ));
        }
        let tags = req.tags.clone().unwrap_or_default();
        check_tags(&tags)?;
        let value = payload(req.secret_string.as_ref(), req.secret_binary.as_ref())?;
        let key = keys::secret(&req.name);
        if let Some((existing, _)) = self.read_secret(&req.name).await? {
            if existing.deletion_date.is_some() {
                return Err(Error::api(
                    "InvalidRequestException",
                    "You can't create this secret because a secret with this name is already \
                     scheduled for deletion.",
                ));
            }
            // A retry of the call that made it: same token, same value.
            if let (Some(token), Some(value)) = (&req.client_request_token, &value) {
                if self.version_holds(&existing, token, value).await? {
                    return Ok(CreateSecretResponse {
                        arn: Some(existing.arn.clone()),
                        name: Some(existing.name.clone()),
                        version_id: Some(token.clone()),
                        replication_status: None,
                    });
                }
            }
            return Err(Error::api(
                "ResourceExistsException",
                format!(
                    "The operation failed because the secret {} already exists.",
                    req.name
                ),
            ));
        }
        if self.view.read().secrets.len() >= MAX_SECRETS {
            return Err(Error::LimitExceeded(format!(
                "This berth holds {MAX_SECRETS} secrets, the most it allows. Delete secrets \
                 you no longer need."
            )));
        }
        let created_at = now();
        let mut record = SecretRecord {
            name: req.name.clone(),
            arn: secret_arn(&self.config.scope, &req.name, &random_suffix()),
            id: uuid::Uuid::new_v4().to_string(),
            description: req.description.clone(),
            kms_key_id: req.kms_key_id.clone().filter(|k| !k.is_empty()),
            tags,
            created_at,
            changed_at: created_at,
            deleted_at: None,
            deletion_date: None,
            versions: Vec::new(),
        };
        let mut ops = Vec::new();
        let version_id = match &value {
            Some(value) => {
                let id = req
                    .client_request_token
                    .clone()
                    .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
                ops.push(self.add_version(&mut record, &id, value, &[CURRENT.to_owned()])?);
                Some(id)
            }
            None => None,
        };
        ops.push(put_json(key.clone(), &record)?);
        match self.commit(txn(vec![Compare::absent(key)], ops)).await {
            Ok(_) => Ok(CreateSecretResponse {
                arn: Some(record.arn),
                name: Some(record.name),
                version_id,
                replication_status: None,
            }),
            Err(Error::Conflict) => Err(Error::api(
                "ResourceExistsException",
                format!(
                    "The operation failed because the secret {} already exists.",
                    req.name
                ),
            )),
            Err(error) => Err(error),
        }
    }

    pub async fn get_secret_value(
        &self,
        req: GetSecretValueRequest,
    ) -> Result<GetSecretValueResponse> {
        let (record, _) = self
            .find_secret(&req.secret_id)
            .await?
            .ok_or_else(resource_not_found)?;
        if record.deletion_date.is_some() {
            return Err(marked_for_deletion());
        }
        let version = select_version(
            &record,
            req.version_id.as_deref(),
            req.version_stage.as_deref(),
        )?;
        let value = self.read_secret_value(&record, &version.id).await?;
        let (secret_string, secret_binary) = value.members();
        Ok(GetSecretValueResponse {
            arn: Some(record.arn.clone()),
            name: Some(record.name.clone()),
            version_id: Some(version.id.clone()),
            secret_binary,
            secret_string,
            version_stages: Some(version.stages.clone()),
            created_date: Some(version.created_at),
        })
    }

    pub async fn batch_get_secret_value(
        &self,
        req: BatchGetSecretValueRequest,
        caller: &Caller,
    ) -> Result<BatchGetSecretValueResponse> {
        let by_list = req.secret_id_list.as_ref().is_some_and(|l| !l.is_empty());
        let by_filter = req.filters.as_ref().is_some_and(|f| !f.is_empty());
        if by_list == by_filter {
            return Err(Error::invalid(
                "Either SecretIdList or Filters must be provided, but not both.",
            ));
        }
        if by_list && (req.max_results.is_some() || req.next_token.is_some()) {
            return Err(Error::invalid(
                "MaxResults and NextToken can only be used with Filters.",
            ));
        }
        let mut values = Vec::new();
        let mut errors = Vec::new();
        let mut next_token = None;
        let error = |id: &str, code: &str, message: String| APIErrorType {
            secret_id: Some(id.to_owned()),
            error_code: Some(code.to_owned()),
            message: Some(message),
        };
        let records: Vec<(String, Option<SecretRecord>)> = if by_list {
            let mut found = Vec::new();
            for id in req.secret_id_list.iter().flatten() {
                let record = match self.find_secret(id).await {
                    Ok(found) => found.map(|(record, _)| record),
                    Err(Error::InvalidParameter(message)) => {
                        errors.push(error(id, "InvalidParameterException", message));
                        continue;
                    }
                    Err(other) => return Err(other),
                };
                found.push((id.clone(), record));
            }
            found
        } else {
            let filters = req.filters.as_deref().unwrap_or_default();
            let mut listed: Vec<SecretRecord> = self
                .all_secrets()
                .await?
                .into_iter()
                .filter(|r| r.deletion_date.is_none() && secret_matches(r, filters))
                .collect();
            listed.sort_by(|a, b| a.name.cmp(&b.name));
            let page = offset_page(listed, req.max_results, req.next_token.as_deref(), 20)?;
            next_token = page.1;
            page.0
                .into_iter()
                .map(|r| (r.name.clone(), Some(r)))
                .collect()
        };
        for (id, record) in records {
            let Some(record) = record else {
                errors.push(error(
                    &id,
                    "ResourceNotFoundException",
                    "Secrets Manager can't find the specified secret.".into(),
                ));
                continue;
            };
            if let Err(denied) = self.authorize(
                caller,
                &[Access::new("secretsmanager:GetSecretValue", &record.arn)],
            ) {
                errors.push(error(&id, "AccessDeniedException", denied.to_string()));
                continue;
            }
            if record.deletion_date.is_some() {
                errors.push(error(
                    &id,
                    "InvalidRequestException",
                    marked_for_deletion().to_string(),
                ));
                continue;
            }
            let version = match select_version(&record, None, None) {
                Ok(version) => version,
                Err(e) => {
                    errors.push(error(&id, "ResourceNotFoundException", e.to_string()));
                    continue;
                }
            };
            let value = self.read_secret_value(&record, &version.id).await?;
            let (secret_string, secret_binary) = value.members();
            values.push(SecretValueEntry {
                arn: Some(record.arn.clone()),
                name: Some(record.name.clone()),
                version_id: Some(version.id.clone()),
                secret_binary,
                secret_string,
                version_stages: Some(version.stages.clone()),
                created_date: Some(version.created_at),
            });
        }
        Ok(BatchGetSecretValueResponse {
            secret_values: Some(values),
            next_token,
            errors: Some(errors),
        })
    }

    pub async fn put_secret_value(
        &self,
        req: PutSecretValueRequest,
    ) -> Result<PutSecretValueResponse> {
        if req.rotation_token.is_some() {
            return Err(Error::invalid(
                "RotationToken is not supported by berth: secret rotation with Lambda \
                 functions does not exist here. Remove it.",
            ));
        }
        let value =
            payload(req.secret_string.as_ref(), req.secret_binary.as_ref())?.ok_or_else(|| {
                Error::invalid("You must provide either SecretString or SecretBinary.")
            })?;
        let stages = req
            .version_stages
            .clone()
            .unwrap_or_else(|| vec![CURRENT.to_owned()]);
        check_stage_names(&stages)?;
        let (record, version_id) = self
            .write_version(
                &req.secret_id,
                req.client_request_token.clone(),
                &value,
                &stages,
                |_| Ok(()),
            )
            .await?;
        let stages = record
            .versions
            .iter()
            .find(|v| v.id == version_id)
            .map(|v| v.stages.clone())
            .unwrap_or_default();
        Ok(PutSecretValueResponse {
            arn: Some(record.arn),
            name: Some(record.name),
            version_id: Some(version_id),
            version_stages: Some(stages),
        })
    }

    pub async fn update_secret(&self, req: UpdateSecretRequest) -> Result<UpdateSecretResponse> {
        check_kms_key(req.kms_key_id.as_ref())?;
        check_type(req.type_.as_ref())?;
        let value = payload(req.secret_string.as_ref(), req.secret_binary.as_ref())?;
        let edit = |record: &mut SecretRecord| -> Result<()> {
            if let Some(description) = &req.description {
                record.description = Some(description.clone());
            }
            if let Some(key) = &req.kms_key_id {
                record.kms_key_id = Some(key.clone()).filter(|k| !k.is_empty());
            }
            Ok(())
        };
        match value {
            Some(value) => {
                let (record, version_id) = self
                    .write_version(
                        &req.secret_id,
                        req.client_request_token.clone(),
                        &value,
                        &[CURRENT.to_owned()],
                        edit,
                    )
                    .await?;
                Ok(UpdateSecretResponse {
                    arn: Some(record.arn),
                    name: Some(record.name),
                    version_id: Some(version_id),
                })
            }
            None => {
                let record = self
                    .edit_secret(&req.secret_id, false, |record| {
                        edit(record).map(|_| Edited::Changed(Vec::new()))
                    })
                    .await?;
                Ok(UpdateSecretResponse {
                    arn: Some(record.arn),
                    name: Some(record.name),
                    version_id: None,
                })
            }
        }
    }

    pub async fn update_secret_version_stage(
        &self,
        req: UpdateSecretVersionStageRequest,
    ) -> Result<UpdateSecretVersionStageResponse> {
        check_stage_names(std::slice::from_ref(&req.version_stage))?;
        if req.move_to_version_id.is_none() && req.remove_from_version_id.is_none() {
            return Err(Error::invalid(
                "Specify MoveToVersionId, RemoveFromVersionId, or both.",
            ));
        }
        let stage = req.version_stage.clone();
        let record = self
            .edit_secret(&req.secret_id, false, |record| {
                let holder = record
                    .versions
                    .iter()
                    .find(|v| v.stages.contains(&stage))
                    .map(|v| v.id.clone());
                for id in [&req.move_to_version_id, &req.remove_from_version_id]
                    .into_iter()
                    .flatten()
                {
                    if !record.versions.iter().any(|v| &v.id == id) {
                        return Err(Error::invalid(format!("The secret has no version {id}.")));
                    }
                }
                match (&req.remove_from_version_id, &holder) {
                    (Some(from), Some(holder)) if from != holder => {
                        return Err(Error::invalid(format!(
                            "The staging label {stage} is attached to version {holder}, not to \
                             {from}."
                        )))
                    }
                    (Some(from), None) => {
                        return Err(Error::invalid(format!(
                            "The staging label {stage} is not attached to version {from}."
                        )))
                    }
                    (None, Some(holder)) if req.move_to_version_id.as_ref() != Some(holder) => {
                        return Err(Error::invalid(format!(
                            "The parameter RemoveFromVersionId can't be empty. Staging label \
                             {stage} is currently attached to version {holder}, so you must \
                             explicitly reference that version in RemoveFromVersionId."
                        )))
                    }
                    _ => {}
                }
                match &req.move_to_version_id {
                    Some(to) => {
                        attach_stage(record, &stage, to);
                        let count = record
                            .versions
                            .iter()
                            .find(|v| &v.id == to)
                            .map_or(0, |v| v.stages.len());
                        if count > MAX_STAGES_PER_VERSION {
                            return Err(Error::LimitExceeded(format!(
                                "A version can have at most {MAX_STAGES_PER_VERSION} staging \
                                 labels."
                            )));
                        }
                    }
                    None if stage == CURRENT => {
                        return Err(Error::invalid(
                            "You can't remove the staging label AWSCURRENT without moving it to \
                             another version (MoveToVersionId).",
                        ))
                    }
                    None => {
                        for version in &mut record.versions {
                            version.stages.retain(|s| s != &stage);
                        }
                    }
                }
                Ok(Edited::Changed(Vec::new()))
            })
            .await?;
        Ok(UpdateSecretVersionStageResponse {
            arn: Some(record.arn),
            name: Some(record.name),
        })
    }

    pub async fn describe_secret(
        &self,
        req: DescribeSecretRequest,
    ) -> Result<DescribeSecretResponse> {
        let (record, _) = self
            .find_secret(&req.secret_id)
            .await?
            .ok_or_else(resource_not_found)?;
        Ok(DescribeSecretResponse {
            arn: Some(record.arn.clone()),
            name: Some(record.name.clone()),
            description: record.description.clone(),
            kms_key_id: record.kms_key_id.clone(),
            last_changed_date: Some(record.changed_at),
            deleted_date: record.deleted_at,
            tags: Some(record.tags.clone()),
            version_ids_to_stages: Some(stages_by_version(&record)),
            created_date: Some(record.created_at),
            ..DescribeSecretResponse::default()
        })
    }

    pub async fn list_secrets(&self, req: ListSecretsRequest) -> Result<ListSecretsResponse> {
        let filters = req.filters.as_deref().unwrap_or_default();
        check_filters(filters)?;
        let include_deleted = req.include_planned_deletion.unwrap_or(false);
        let mut listed: Vec<SecretRecord> = self
            .all_secrets()
            .await?
            .into_iter()
            .filter(|r| {
                (include_deleted || r.deletion_date.is_none()) && secret_matches(r, filters)
            })
            .collect();
        let sort_by = req.sort_by.unwrap_or(SortByType::CreatedDate);
        listed.sort_by(|a, b| {
            let by_date = |x: f64, y: f64| x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal);
            match sort_by {
                SortByType::Name => a.name.cmp(&b.name),
                SortByType::LastChangedDate => by_date(a.changed_at, b.changed_at),
                // berth does not record reads, so every secret was last accessed when made.
                _ => by_date(a.created_at, b.created_at),
            }
            .then_with(|| a.name.cmp(&b.name))
        });
        if req.sort_order != Some(SortOrderType::Asc) {
            listed.reverse();
        }
        let (page, next_token) =
            offset_page(listed, req.max_results, req.next_token.as_deref(), 100)?;
        let entries = page
            .iter()
            .map(|record| SecretListEntry {
                arn: Some(record.arn.clone()),
                name: Some(record.name.clone()),
                description: record.description.clone(),
                kms_key_id: record.kms_key_id.clone(),
                last_changed_date: Some(record.changed_at),
                deleted_date: record.deleted_at,
                tags: Some(record.tags.clone()),
                secret_versions_to_stages: Some(stages_by_version(record)),
                created_date: Some(record.created_at),
                ..SecretListEntry::default()
            })
            .collect();
        Ok(ListSecretsResponse {
            secret_list: Some(entries),
            next_token,
        })
    }

    pub async fn delete_secret(&self, req: DeleteSecretRequest) -> Result<DeleteSecretResponse> {
        let force = req.force_delete_without_recovery.unwrap_or(false);
        if force && req.recovery_window_in_days.is_some() {
            return Err(Error::invalid(
                "You can't use ForceDeleteWithoutRecovery in conjunction with \
                 RecoveryWindowInDays.",
            ));
        }
        let days = req.recovery_window_in_days.unwrap_or(DEFAULT_RECOVERY_DAYS);
        if !(MIN_RECOVERY_DAYS..=MAX_RECOVERY_DAYS).contains(&days) {
            return Err(Error::invalid(format!(
                "The RecoveryWindowInDays value must be between {MIN_RECOVERY_DAYS} and \
                 {MAX_RECOVERY_DAYS} days (inclusive); {days} was given."
            )));
        }
        if force {
            for _ in 0..WRITE_ATTEMPTS {
                let (record, revision) = self
                    .find_secret(&req.secret_id)
                    .await?
                    .ok_or_else(resource_not_found)?;
                match self.purge_secret(&record, revision).await {
                    Ok(()) => {
                        return Ok(DeleteSecretResponse {
                            arn: Some(record.arn),
                            name: Some(record.name),
                            deletion_date: Some(now()),
                        })
                    }
                    Err(Error::Conflict) => continue,
                    Err(error) => return Err(error),
                }
            }
            return Err(conflict());
        }
        let at = now();
        let record = self
            .edit_secret(&req.secret_id, true, |record| {
                if record.deletion_date.is_some() {
                    return Err(Error::api(
                        "InvalidRequestException",
                        "You can't perform this operation on the secret because it was already \
                         scheduled for deletion.",
                    ));
                }
                record.deleted_at = Some(at);
                record.deletion_date = Some(at + days as f64 * DAY_SECONDS);
                Ok(Edited::Changed(Vec::new()))
            })
            .await?;
        Ok(DeleteSecretResponse {
            arn: Some(record.arn),
            name: Some(record.name),
            deletion_date: record.deletion_date,
        })
    }

    pub async fn restore_secret(&self, req: RestoreSecretRequest) -> Result<RestoreSecretResponse> {
        let record = self
            .edit_secret(&req.secret_id, true, |record| {
                record.deleted_at = None;
                record.deletion_date = None;
                Ok(Edited::Changed(Vec::new()))
            })
            .await?;
        Ok(RestoreSecretResponse {
            arn: Some(record.arn),
            name: Some(record.name),
        })
    }

    pub async fn list_secret_version_ids(
        &self,
        req: ListSecretVersionIdsRequest,
    ) -> Result<ListSecretVersionIdsResponse> {
        let (record, _) = self
            .find_secret(&req.secret_id)
            .await?
            .ok_or_else(resource_not_found)?;
        let include_deprecated = req.include_deprecated.unwrap_or(false);
        let versions: Vec<SecretVersionsListEntry> = record
            .versions
            .iter()
            .rev()
            .filter(|v| include_deprecated || !v.stages.is_empty())
            .map(|v| SecretVersionsListEntry {
                version_id: Some(v.id.clone()),
                version_stages: Some(v.stages.clone()),
                created_date: Some(v.created_at),
                ..SecretVersionsListEntry::default()
            })
            .collect();
        let (page, next_token) =
            offset_page(versions, req.max_results, req.next_token.as_deref(), 100)?;
        Ok(ListSecretVersionIdsResponse {
            versions: Some(page),
            next_token,
            arn: Some(record.arn),
            name: Some(record.name),
        })
    }

    pub async fn secret_tag_resource(&self, req: TagResourceRequest) -> Result<Empty> {
        check_tags(&req.tags)?;
        self.edit_secret(&req.secret_id, true, |record| {
            for tag in &req.tags {
                record.tags.retain(|t| t.key != tag.key);
                record.tags.push(tag.clone());
            }
            if record.tags.len() > MAX_TAGS {
                return Err(Error::invalid(format!(
                    "A secret can have at most {MAX_TAGS} tags."
                )));
            }
            Ok(Edited::Changed(Vec::new()))
        })
        .await?;
        Ok(Empty {})
    }

    pub async fn secret_untag_resource(&self, req: UntagResourceRequest) -> Result<Empty> {
        self.edit_secret(&req.secret_id, true, |record| {
            record
                .tags
                .retain(|t| !t.key.as_ref().is_some_and(|k| req.tag_keys.contains(k)));
            Ok(Edited::Changed(Vec::new()))
        })
        .await?;
        Ok(Empty {})
    }

    /// The resource a call on `secret_id` is authorized against: the secret's full ARN when
    /// it exists, else the ARN the caller wrote (or the partial ARN of a name).
    pub(crate) async fn secret_resource(&self, secret_id: &str) -> String {
        match self.find_secret(secret_id).await {
            Ok(Some((record, _))) => record.arn,
            _ if secret_id.starts_with("arn:") => secret_id.to_owned(),
            _ => partial_secret_arn(&self.config.scope, secret_id),
        }
    }

    /// The secret `secret_id` names (a name, a full ARN or a partial ARN), with its head
    /// record's revision.
    pub(crate) async fn find_secret(
        &self,
        secret_id: &str,
    ) -> Result<Option<(SecretRecord, Revision)>> {
        let lookup = parse_secret_id(&self.config.scope, secret_id).map_err(Error::invalid)?;
        if let Some((name, arn)) = &lookup.full {
            if let Some((record, revision)) = self.read_secret(name).await? {
                if &record.arn == arn {
                    return Ok(Some((record, revision)));
                }
            }
        }
        self.read_secret(&lookup.name).await
    }

    async fn read_secret(&self, name: &str) -> Result<Option<(SecretRecord, Revision)>> {
        if check_secret_name(name).is_err() {
            return Ok(None);
        }
        let Some(kv) = self.store.get(&keys::secret(name)).await? else {
            return Ok(None);
        };
        let record: SecretRecord =
            serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
        Ok(Some((record, kv.mod_revision)))
    }

    async fn all_secrets(&self) -> Result<Vec<SecretRecord>> {
        let (kvs, _) = self.store.range(keys::SECRETS).await?;
        kvs.iter()
            .map(|kv| serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into())))
            .collect()
    }

    /// The clear value of one version of a secret.
    pub(crate) async fn read_secret_value(
        &self,
        record: &SecretRecord,
        version_id: &str,
    ) -> Result<SecretPayload> {
        let kv = self
            .store
            .get(&keys::secret_value(&record.id, version_id))
            .await?
            .ok_or_else(|| {
                Error::Internal(anyhow::anyhow!(
                    "secret {} has no value for version {version_id}",
                    record.name
                ))
            })?;
        let stored: SecretValueRecord =
            serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
        let plain = self.open_value(&value_context(&record.arn, version_id), &stored.value)?;
        SecretPayload::decode(plain)
    }

    /// Whether version `version_id` exists and holds exactly `value`.
    async fn version_holds(
        &self,
        record: &SecretRecord,
        version_id: &str,
        value: &SecretPayload,
    ) -> Result<bool> {
        if !record.versions.iter().any(|v| v.id == version_id) {
            return Ok(false);
        }
        Ok(self.read_secret_value(record, version_id).await? == *value)
    }

    /// Adds a version holding `value` with `stages` to the record; returns the op that
    /// stores the sealed value.
    fn add_version(
        &self,
        record: &mut SecretRecord,
        version_id: &str,
        value: &SecretPayload,
        stages: &[String],
    ) -> Result<Op> {
        record.versions.push(SecretVersionRecord {
            id: version_id.to_owned(),
            stages: Vec::new(),
            created_at: now(),
        });
        for stage in stages {
            attach_stage(record, stage, version_id);
        }
        let sealed = self.seal_value(&value_context(&record.arn, version_id), &value.encode());
        put_json(
            keys::secret_value(&record.id, version_id),
            &SecretValueRecord { value: sealed },
        )
    }

    /// Writes a new version (PutSecretValue, UpdateSecret with a value), after `edit`.
    /// A version id that exists already is a retry when it holds the same value, and
    /// refused otherwise.
    async fn write_version(
        &self,
        secret_id: &str,
        token: Option<String>,
        value: &SecretPayload,
        stages: &[String],
        edit: impl Fn(&mut SecretRecord) -> Result<()>,
    ) -> Result<(SecretRecord, String)> {
        let version_id = token.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        let mut existed = false;
        let record = self
            .edit_secret(secret_id, false, |record| {
                existed = record.versions.iter().any(|v| v.id == version_id);
                if existed {
                    return Ok(Edited::Unchanged(Vec::new()));
                }
                edit(record)?;
                let mut ops = vec![self.add_version(record, &version_id, value, stages)?];
                for dropped in prune_versions(record) {
                    ops.push(Op::delete(keys::secret_value(&record.id, &dropped)));
                }
                Ok(Edited::Changed(ops))
            })
            .await?;
        if existed && !self.version_holds(&record, &version_id, value).await? {
            return Err(Error::api(
                "ResourceExistsException",
                format!(
                    "A version with ClientRequestToken {version_id} already exists with another \
                     value. You can't modify an existing version, you can only create a new \
                     version."
                ),
            ));
        }
        Ok((record, version_id))
    }

    /// Changes a secret's head record with `edit` (which gives further ops to write with
    /// it), guarded by its revision and retried on a lost race. A secret waiting for
    /// deletion is refused unless `while_deleted`.
    async fn edit_secret(
        &self,
        secret_id: &str,
        while_deleted: bool,
        mut edit: impl FnMut(&mut SecretRecord) -> Result<Edited<Vec<Op>>>,
    ) -> Result<SecretRecord> {
        for _ in 0..WRITE_ATTEMPTS {
            let (mut record, revision) = self
                .find_secret(secret_id)
                .await?
                .ok_or_else(resource_not_found)?;
            if record.deletion_date.is_some() && !while_deleted {
                return Err(marked_for_deletion());
            }
            let mut ops = match edit(&mut record)? {
                Edited::Unchanged(_) => return Ok(record),
                Edited::Changed(ops) => ops,
            };
            record.changed_at = now();
            let key = keys::secret(&record.name);
            ops.push(put_json(key.clone(), &record)?);
            match self
                .commit(txn(vec![Compare::mod_revision(key, revision)], ops))
                .await
            {
                Ok(_) => return Ok(record),
                Err(Error::Conflict) => continue,
                Err(error) => return Err(error),
            }
        }
        Err(conflict())
    }

    /// Deletes a secret and all its values for good, if its head is still at `revision`.
    async fn purge_secret(&self, record: &SecretRecord, revision: Revision) -> Result<()> {
        let key = keys::secret(&record.name);
        self.commit(txn(
            vec![Compare::mod_revision(key.clone(), revision)],
            vec![
                Op::delete(key),
                Op::delete_prefix(keys::secret_values(&record.id)),
            ],
        ))
        .await
        .map(|_| ())
    }

    /// Deletes the secrets whose recovery window has passed (the `secret_deletions`
    /// reconciler's pass); returns how many.
    pub(crate) async fn delete_expired_secrets(&self) -> Result<usize> {
        let at = now();
        let due: Vec<String> = self
            .view
            .read()
            .secrets
            .iter()
            .filter(|(_, date)| date.is_some_and(|d| d <= at))
            .map(|(name, _)| name.clone())
            .collect();
        let mut deleted = 0;
        for name in due {
            let Some((record, revision)) = self.read_secret(&name).await? else {
                continue;
            };
            // Restored since the view was read: keep it.
            if !record.deletion_date.is_some_and(|d| d <= at) {
                continue;
            }
            match self.purge_secret(&record, revision).await {
                Ok(()) => deleted += 1,
                // Changed meanwhile (restored, say); the next pass looks again.
                Err(Error::Conflict) => {}
                Err(error) => return Err(error),
            }
        }
        Ok(deleted)
    }
}

/// The version a read names: by id, by staging label, or both (which must agree); the
/// `AWSCURRENT` version when neither is given.
pub(crate) fn select_version<'a>(
    record: &'a SecretRecord,
    version_id: Option<&str>,
    version_stage: Option<&str>,
) -> Result<&'a SecretVersionRecord> {
    let stage = match (version_id, version_stage) {
        (None, None) => Some(CURRENT),
        (_, stage) => stage,
    };
    let found = record.versions.iter().find(|v| {
        version_id.is_none_or(|id| v.id == id)
            && stage.is_none_or(|s| v.stages.iter().any(|x| x == s))
    });
    found.ok_or_else(|| {
        let what = match (version_id, stage) {
            (Some(id), Some(stage)) => format!("VersionId {id} and staging label {stage}"),
            (Some(id), None) => format!("VersionId: {id}"),
            (None, Some(stage)) => format!("staging label: {stage}"),
            (None, None) => String::new(),
        };
        Error::api(
            "ResourceNotFoundException",
            format!("Secrets Manager can't find the specified secret value for {what}"),
        )
    })
}

fn stages_by_version(record: &SecretRecord) -> std::collections::BTreeMap<String, Vec<String>> {
    record
        .versions
        .iter()
        .filter(|v| !v.stages.is_empty())
        .map(|v| (v.id.clone(), v.stages.clone()))
        .collect()
}

fn check_stage_names(stages: &[String]) -> Result<()> {
    if stages.is_empty() || stages.len() > MAX_STAGES_PER_VERSION {
        return Err(Error::invalid(format!(
            "VersionStages must list 1 to {MAX_STAGES_PER_VERSION} staging labels."
        )));
    }
    if let Some(bad) = stages.iter().find(|s| s.is_empty() || s.len() > 256) {
        return Err(Error::invalid(format!(
            "The staging label '{bad}' must have 1 to 256 characters."
        )));
    }
    Ok(())
}

fn check_filters(filters: &[Filter]) -> Result<()> {
    for filter in filters {
        if filter.key.is_none() {
            return Err(Error::invalid("Every filter needs a Key."));
        }
        if filter.values.as_ref().is_none_or(|v| v.is_empty()) {
            return Err(Error::invalid("Every filter needs at least one value."));
        }
    }
    Ok(())
}

/// Whether a secret passes every filter (ListSecrets' semantics: prefix matches, `!` to
/// negate, any value of a filter may match).
fn secret_matches(record: &SecretRecord, filters: &[Filter]) -> bool {
    filters.iter().all(|filter| {
        let Some(key) = filter.key else { return true };
        filter.values.iter().flatten().any(|value| {
            let (negated, value) = match value.strip_prefix('!') {
                Some(rest) => (true, rest),
                None => (false, value.as_str()),
            };
            let tag_keys = || record.tags.iter().filter_map(|t| t.key.as_deref());
            let tag_values = || record.tags.iter().filter_map(|t| t.value.as_deref());
            let hit = match key {
                FilterNameStringType::Name => record.name.starts_with(value),
                FilterNameStringType::Description => record
                    .description
                    .as_deref()
                    .is_some_and(|d| d.to_lowercase().starts_with(&value.to_lowercase())),
                FilterNameStringType::TagKey => tag_keys().any(|k| k.starts_with(value)),
                FilterNameStringType::TagValue => tag_values().any(|v| v.starts_with(value)),
                // One region, and no secret is owned by another service.
                FilterNameStringType::PrimaryRegion | FilterNameStringType::OwningService => false,
                FilterNameStringType::All => {
                    let words: Vec<String> =
                        value.split_whitespace().map(str::to_lowercase).collect();
                    let mut fields: Vec<String> = vec![record.name.to_lowercase()];
                    fields.extend(record.description.iter().map(|d| d.to_lowercase()));
                    fields.extend(tag_keys().map(str::to_lowercase));
                    fields.extend(tag_values().map(str::to_lowercase));
                    words
                        .iter()
                        .all(|w| fields.iter().any(|f| f.contains(w.as_str())))
                }
            };
            hit != negated
        })
    })
}

/// One page of `items`: the token is the offset of the next page.
fn offset_page<T>(
    items: Vec<T>,
    max_results: Option<i32>,
    next_token: Option<&str>,
    default_limit: usize,
) -> Result<(Vec<T>, Option<String>)> {
    let start: usize = match next_token {
        None => 0,
        Some(token) => hex::decode(token)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|s| s.strip_prefix("offset:").and_then(|n| n.parse().ok()))
            .ok_or_else(|| {
                Error::api(
                    "InvalidNextTokenException",
                    "The NextToken value is not valid. Use a token from a previous response.",
                )
            })?,
    };
    let limit = max_results.map_or(default_limit, |n| n.max(1) as usize);
    let end = start.saturating_add(limit).min(items.len());
    let next = (end < items.len()).then(|| hex::encode(format!("offset:{end}")));
    let page = items.into_iter().skip(start).take(limit).collect();
    Ok((page, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(versions: &[(&str, &[&str])]) -> SecretRecord {
        SecretRecord {
            name: "s".into(),
            arn: "arn".into(),
            id: "id".into(),
            description: None,
            kms_key_id: None,
            tags: Vec::new(),
            created_at: 0.0,
            changed_at: 0.0,
            deleted_at: None,
            deletion_date: None,
            versions: versions
                .iter()
                .map(|(id, stages)| SecretVersionRecord {
                    id: (*id).into(),
                    stages: stages.iter().map(|s| (*s).to_owned()).collect(),
                    created_at: 0.0,
                })
                .collect(),
        }
    }

    fn stages(record: &SecretRecord) -> Vec<(String, Vec<String>)> {
        record
            .versions
            .iter()
            .map(|v| (v.id.clone(), v.stages.clone()))
            .collect()
    }

    #[test]
    fn moving_current_leaves_previous_behind() {
        let mut r = record(&[("a", &[PREVIOUS]), ("b", &[CURRENT]), ("c", &[])]);
        attach_stage(&mut r, CURRENT, "c");
        assert_eq!(
            stages(&r),
            vec![
                ("a".into(), vec![]),
                ("b".into(), vec![PREVIOUS.to_owned()]),
                ("c".into(), vec![CURRENT.to_owned()]),
            ]
        );
        attach_stage(&mut r, "custom", "a");
        attach_stage(&mut r, "custom", "b");
        assert_eq!(r.versions[0].stages, Vec::<String>::new());
        assert_eq!(r.versions[1].stages, vec![PREVIOUS, "custom"]);
    }

    #[test]
    fn versions_are_selected_by_id_stage_or_both() {
        let r = record(&[("a", &[PREVIOUS]), ("b", &[CURRENT])]);
        assert_eq!(select_version(&r, None, None).unwrap().id, "b");
        assert_eq!(select_version(&r, Some("a"), None).unwrap().id, "a");
        assert_eq!(select_version(&r, None, Some(PREVIOUS)).unwrap().id, "a");
        assert!(select_version(&r, Some("a"), Some(CURRENT)).is_err());
        assert!(select_version(&r, Some("zz"), None).is_err());
    }

    #[test]
    fn only_deprecated_versions_are_pruned() {
        let mut versions: Vec<(String, Vec<&str>)> = (0..MAX_VERSIONS + 2)
            .map(|i| (format!("v{i}"), vec![]))
            .collect();
        versions[0].1 = vec!["keep"];
        let mut r = record(&[]);
        r.versions = versions
            .iter()
            .map(|(id, stages)| SecretVersionRecord {
                id: id.clone(),
                stages: stages.iter().map(|s| (*s).to_owned()).collect(),
                created_at: 0.0,
            })
            .collect();
        assert_eq!(prune_versions(&mut r), vec!["v1", "v2"]);
        assert_eq!(r.versions.len(), MAX_VERSIONS);
        assert_eq!(r.versions[0].id, "v0");
    }

    #[test]
    fn filters_match_prefixes_and_negations() {
        let mut r = record(&[]);
        r.name = "prod/db".into();
        r.description = Some("Database password".into());
        r.tags = vec![Tag {
            key: Some("team".into()),
            value: Some("payments".into()),
        }];
        let filter = |key, values: &[&str]| Filter {
            key: Some(key),
            values: Some(values.iter().map(|v| (*v).to_owned()).collect()),
        };
        use FilterNameStringType::*;
        assert!(secret_matches(&r, &[filter(Name, &["prod/"])]));
        assert!(!secret_matches(&r, &[filter(Name, &["!prod/"])]));
        assert!(secret_matches(&r, &[filter(Description, &["database"])]));
        assert!(secret_matches(
            &r,
            &[filter(TagKey, &["te"]), filter(TagValue, &["pay"])]
        ));
        assert!(!secret_matches(&r, &[filter(TagValue, &["x"])]));
        assert!(secret_matches(&r, &[filter(All, &["PASSWORD"])]));
        assert!(secret_matches(&r, &[filter(Name, &["nope", "prod"])]));
    }

    #[test]
    fn payloads_round_trip_and_do_not_print() {
        for payload in [
            SecretPayload::String("s3cret".into()),
            SecretPayload::Binary(vec![0, 1, 2]),
        ] {
            assert_eq!(SecretPayload::decode(payload.encode()).unwrap(), payload);
            assert!(!format!("{payload:?}").contains("s3cret"));
        }
    }

    #[test]
    fn offset_pages_resume() {
        let (page, next) = offset_page((0..5).collect(), Some(2), None, 100).unwrap();
        assert_eq!(page, vec![0, 1]);
        let (page, next) = offset_page((0..5).collect(), Some(2), next.as_deref(), 100).unwrap();
        assert_eq!(page, vec![2, 3]);
        let (page, next) = offset_page((0..5).collect(), Some(2), next.as_deref(), 100).unwrap();
        assert_eq!((page, next), (vec![4], None));
        assert!(offset_page(vec![1], None, Some("zz"), 100).is_err());
    }
}
