//! SSM Parameter Store: PutParameter, GetParameter(s), GetParametersByPath,
//! DescribeParameters, DeleteParameter(s), GetParameterHistory, Label/UnlabelParameterVersion
//! and the tags of parameters.
//!
//! A parameter is one store record (`/ssm/parameters/NAME`) holding its tags and up to 100
//! versions, each with its type, value, description, allowed pattern, tier, data type and
//! labels. SecureString values are sealed with the server's key, bound to the parameter's
//! ARN and version ([`App::seal_value`]); a read without `WithDecryption` returns the sealed
//! form in base64, as SSM returns the KMS ciphertext. Writes are compare-and-swap on the
//! record, retried on a lost race.
//!
//! KMS does not exist in berth: a `KeyId` other than the default `alias/aws/ssm`, parameter
//! `Policies`, data types other than `text` and shared parameters are refused with an error
//! that names them.

use berth_api::ssm::*;
use berth_store::{Compare, Op, Revision};

use super::pagination::paginate;
use super::secret_refs::{
    check_parameter_name, hierarchy_levels, parameter_arn, parse_parameter_ref, ParameterRef,
    Selector, MAX_HIERARCHY_LEVELS,
};
use super::{put_json, txn, App, Edited};
use crate::error::{Error, Result};
use crate::identity::Caller;
use crate::model::{keys, now, ParameterRecord, ParameterVersionRecord, StoredValue};

/// The versions SSM keeps of a parameter.
pub const MAX_VERSIONS: usize = 100;
/// The largest value of each tier, in bytes.
pub const STANDARD_VALUE_MAX: usize = 4096;
pub const ADVANCED_VALUE_MAX: usize = 8192;
/// Labels one version may carry, and tags one parameter.
pub const MAX_LABELS_PER_VERSION: usize = 10;
pub const MAX_TAGS: usize = 50;
/// The parameters one berth holds (SSM's quota of standard parameters).
pub const MAX_PARAMETERS: usize = 10_000;
/// The key SSM encrypts SecureString values with when none is named.
pub const DEFAULT_KEY_ID: &str = "alias/aws/ssm";
/// How often a write that lost a race re-reads and tries again.
const WRITE_ATTEMPTS: usize = 10;

fn ssm_error(code: &'static str, message: impl Into<String>) -> Error {
    Error::api(code, message)
}

fn not_found(name: &str) -> Error {
    ssm_error("ParameterNotFound", format!("Parameter {name} not found."))
}

fn version_not_found(name: &str, version: i64) -> Error {
    ssm_error(
        "ParameterVersionNotFound",
        format!(
            "Systems Manager could not find version {version} of {name}. Verify the version \
             and try again."
        ),
    )
}

/// What GetParametersByPath and DescribeParameters filters select.
struct Filters<'a> {
    filters: &'a [ParameterStringFilter],
}

impl App {
    pub async fn put_parameter(
        &self,
        req: PutParameterRequest,
        caller: &Caller,
    ) -> Result<PutParameterResult> {
        let name = req.name.clone();
        check_parameter_name(&name).map_err(Error::invalid)?;
        if hierarchy_levels(&name) > MAX_HIERARCHY_LEVELS {
            return Err(ssm_error(
                "HierarchyLevelLimitExceededException",
                format!(
                    "Parameter name {name} has {} hierarchy levels; a parameter name can have \
                     at most {MAX_HIERARCHY_LEVELS}.",
                    hierarchy_levels(&name)
                ),
            ));
        }
        if req.policies.is_some() {
            return Err(Error::invalid(
                "Policies are not supported by berth: parameter policies (Expiration, \
                 ExpirationNotification, NoChangeNotification) need EventBridge. Remove them.",
            ));
        }
        let data_type = req.data_type.clone().unwrap_or_else(|| "text".to_owned());
        if data_type != "text" {
            return Err(Error::invalid(format!(
                "The data type {data_type} is not supported by berth: it holds text parameters \
                 only (no aws:ec2:image or aws:ssm:integration). Use DataType text or leave it \
                 out."
            )));
        }
        if req.value.is_empty() {
            return Err(Error::invalid(
                "1 validation error detected: Value at 'value' failed to satisfy constraint: \
                 Member must have length greater than or equal to 1.",
            ));
        }
        let overwrite = req.overwrite.unwrap_or(false);
        if overwrite && req.tags.as_ref().is_some_and(|t| !t.is_empty()) {
            return Err(Error::invalid(
                "Invalid request: tags and overwrite can't be used together. To create a \
                 parameter with tags, please remove overwrite flag. To update tags for an \
                 existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
            ));
        }
        let tags = req.tags.clone().unwrap_or_default();
        check_tags(&tags)?;
        let pattern = match &req.allowed_pattern {
            Some(pattern) => Some(compile_pattern(pattern)?),
            None => None,
        };
        let arn = parameter_arn(&self.config.scope, &name);
        let key = keys::ssm_parameter(&name);
        for _ in 0..WRITE_ATTEMPTS {
            let existing = self.read_parameter(&name).await?;
            if existing.is_some() && !overwrite {
                return Err(ssm_error(
                    "ParameterAlreadyExists",
                    "The parameter already exists. To overwrite this value, set the overwrite \
                     option in the request to true.",
                ));
            }
            let previous = existing.as_ref().map(|(record, _)| record.latest());
            let type_ = match (req.type_, previous) {
                (Some(type_), None) => type_,
                (None, None) => {
                    return Err(Error::invalid(
                        "A parameter type is required when you create a parameter.",
                    ))
                }
                (None, Some(previous)) => previous.type_,
                (Some(type_), Some(previous)) if type_ == previous.type_ => type_,
                (Some(type_), Some(previous)) => {
                    return Err(ssm_error(
                        "HierarchyTypeMismatchException",
                        format!(
                            "Parameter Store does not support changing a parameter's type: \
                             {name} is a {}, not a {type_}. Delete it and create it again, \
                             or create a new parameter.",
                            previous.type_
                        ),
                    ))
                }
            };
            if let Some(key_id) = &req.key_id {
                if type_ != ParameterType::SecureString {
                    return Err(Error::invalid(
                        "KeyId is only valid for SecureString parameters. Remove it.",
                    ));
                }
                if key_id != DEFAULT_KEY_ID {
                    return Err(ssm_error(
                        "InvalidKeyId",
                        format!(
                            "The key {key_id} cannot be used: berth seals SecureString values \
                             with its own server key and has no KMS keys. Leave KeyId out or \
                             use {DEFAULT_KEY_ID}."
                        ),
                    ));
                }
            }
            let tier = effective_tier(req.tier, previous.map(|p| p.tier), req.value.len())?;
            let description = req
                .description
                .clone()
                .or_else(|| previous.and_then(|p| p.description.clone()));
            let allowed_pattern = req
                .allowed_pattern
                .clone()
                .or_else(|| previous.and_then(|p| p.allowed_pattern.clone()));
            let kept_pattern = match (&pattern, &allowed_pattern) {
                (Some(p), _) => Some(p.clone()),
                (None, Some(p)) => Some(compile_pattern(p)?),
                (None, None) => None,
            };
            if let (Some(regex), Some(text)) = (&kept_pattern, &allowed_pattern) {
                if !regex.is_match(&req.value) {
                    return Err(ssm_error(
                        "ParameterPatternMismatchException",
                        format!(
                            "Parameter value, cannot be validated against allowedPattern: {text}"
                        ),
                    ));
                }
            }
            let (mut record, compare) = match existing {
                Some((record, revision)) => (record, Compare::mod_revision(key.clone(), revision)),
                None => {
                    if self.view.read().ssm_parameters.len() >= MAX_PARAMETERS {
                        return Err(ssm_error(
                            "ParameterLimitExceeded",
                            format!(
                                "You have exceeded the number of parameters for this account \
                                 ({MAX_PARAMETERS}). Delete one or more parameters and try \
                                 again."
                            ),
                        ));
                    }
                    (
                        ParameterRecord {
                            name: name.clone(),
                            tags: tags.clone(),
                            versions: Vec::new(),
                        },
                        Compare::absent(key.clone()),
                    )
                }
            };
            let version = record.versions.last().map_or(1, |v| v.version + 1);
            if record.versions.len() >= MAX_VERSIONS {
                let oldest = &record.versions[0];
                if !oldest.labels.is_empty() {
                    return Err(ssm_error(
                        "ParameterMaxVersionLimitExceeded",
                        format!(
                            "You attempted to create a new version of {name} by calling the \
                             PutParameter API with the overwrite flag. Version {}, the oldest \
                             version, can't be deleted because it has a label associated with \
                             it. Move the label to another version of the parameter, and try \
                             again.",
                            oldest.version
                        ),
                    ));
                }
                record.versions.remove(0);
            }
            let value = match type_ {
                ParameterType::SecureString => {
                    self.seal_value(&version_context(&arn, version), req.value.as_bytes())
                }
                _ => StoredValue::Clear(req.value.clone()),
            };
            record.versions.push(ParameterVersionRecord {
                version,
                type_,
                value,
                description,
                allowed_pattern,
                tier,
                data_type: data_type.clone(),
                labels: Vec::new(),
                modified_at: now(),
                modified_by: caller.principal.arn(&self.config.scope.account),
            });
            match self
                .commit(txn(vec![compare], vec![put_json(key.clone(), &record)?]))
                .await
            {
                Ok(_) => {
                    return Ok(PutParameterResult {
                        version: Some(version),
                        tier: Some(tier),
                    })
                }
                Err(Error::Conflict) => continue,
                Err(error) => return Err(error),
            }
        }
        Err(too_many_updates())
    }

    pub async fn get_parameter(&self, req: GetParameterRequest) -> Result<GetParameterResult> {
        let reference =
            parse_parameter_ref(&self.config.scope, &req.name).map_err(Error::invalid)?;
        let (record, _) = self
            .find_parameter(&reference)
            .await?
            .ok_or_else(|| not_found(&req.name))?;
        let version = select_version(&record, reference.selector.as_ref())?;
        let parameter = self.render_parameter(
            &record,
            version,
            reference.selector.as_ref(),
            req.with_decryption.unwrap_or(false),
        )?;
        Ok(GetParameterResult {
            parameter: Some(parameter),
        })
    }

    pub async fn get_parameters(&self, req: GetParametersRequest) -> Result<GetParametersResult> {
        let decrypt = req.with_decryption.unwrap_or(false);
        let mut parameters = Vec::new();
        let mut invalid = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for name in &req.names {
            if !seen.insert(name.as_str()) {
                continue;
            }
            let Ok(reference) = parse_parameter_ref(&self.config.scope, name) else {
                invalid.push(name.clone());
                continue;
            };
            let Some((record, _)) = self.find_parameter(&reference).await? else {
                invalid.push(name.clone());
                continue;
            };
            let Ok(version) = select_version(&record, reference.selector.as_ref()) else {
                invalid.push(name.clone());
                continue;
            };
            parameters.push(self.render_parameter(
                &record,
                version,
                reference.selector.as_ref(),
                decrypt,
            )?);
        }
        Ok(GetParametersResult {
            parameters: Some(parameters),
            invalid_parameters: Some(invalid),
        })
    }

    pub async fn get_parameters_by_path(
        &self,
        req: GetParametersByPathRequest,
    ) -> Result<GetParametersByPathResult> {
        let path = check_path(&req.path)?;
        let filters = req.parameter_filters.as_deref().unwrap_or_default();
        check_filters(filters, FilterUse::ByPath)?;
        let recursive = req.recursive.unwrap_or(false);
        let decrypt = req.with_decryption.unwrap_or(false);
        let label = filters
            .iter()
            .find(|f| f.key == "Label")
            .map(|f| f.values.clone().unwrap_or_default());
        let records = self.parameters_under(&path).await?;
        let mut matched = Vec::new();
        for record in records {
            let rest = match normalized(&record.name).strip_prefix(&path) {
                Some(rest) if !rest.is_empty() => rest.to_owned(),
                _ => continue,
            };
            if !recursive && rest.contains('/') {
                continue;
            }
            let version = match &label {
                Some(labels) => match record
                    .versions
                    .iter()
                    .rev()
                    .find(|v| v.labels.iter().any(|l| labels.contains(l)))
                {
                    Some(version) => version,
                    None => continue,
                },
                None => record.latest(),
            };
            if !(Filters { filters }).matches(&record, version) {
                continue;
            }
            let parameter = self.render_parameter(&record, version, None, decrypt)?;
            matched.push((record.name.clone(), parameter));
        }
        let page = paginate(matched, req.max_results, req.next_token.as_deref(), 10, 10)
            .map_err(|_| invalid_next_token())?;
        Ok(GetParametersByPathResult {
            parameters: Some(page.items),
            next_token: page.next_token,
        })
    }

    pub async fn describe_parameters(
        &self,
        req: DescribeParametersRequest,
    ) -> Result<DescribeParametersResult> {
        if req.shared == Some(true) {
            return Err(Error::invalid(
                "Shared is not supported by berth: parameters are not shared between accounts \
                 (Resource Access Manager). Leave it out or set it to false.",
            ));
        }
        if req.filters.is_some() && req.parameter_filters.is_some() {
            return Err(Error::invalid(
                "You can use either Filters or ParameterFilters in a single request.",
            ));
        }
        // The deprecated Filters are ParameterFilters with the Equals option.
        let legacy: Vec<ParameterStringFilter> = req
            .filters
            .iter()
            .flatten()
            .map(|f| ParameterStringFilter {
                key: f.key.as_str().to_owned(),
                option: Some("Equals".to_owned()),
                values: Some(f.values.clone()),
            })
            .collect();
        let filters = match &req.parameter_filters {
            Some(filters) => filters.as_slice(),
            None => legacy.as_slice(),
        };
        check_filters(filters, FilterUse::Describe)?;
        let records = self.parameters_under("/").await?;
        let items = records
            .iter()
            .filter(|record| (Filters { filters }).matches(record, record.latest()))
            .map(|record| (record.name.clone(), self.metadata(record)));
        let page = paginate(items, req.max_results, req.next_token.as_deref(), 50, 50)
            .map_err(|_| invalid_next_token())?;
        Ok(DescribeParametersResult {
            parameters: Some(page.items),
            next_token: page.next_token,
        })
    }

    pub async fn delete_parameter(
        &self,
        req: DeleteParameterRequest,
    ) -> Result<DeleteParameterResult> {
        let reference = self.unversioned_ref(&req.name)?;
        for _ in 0..WRITE_ATTEMPTS {
            let (record, revision) = self
                .find_parameter(&reference)
                .await?
                .ok_or_else(|| not_found(&req.name))?;
            let key = keys::ssm_parameter(&record.name);
            match self
                .commit(txn(
                    vec![Compare::mod_revision(key.clone(), revision)],
                    vec![Op::delete(key)],
                ))
                .await
            {
                Ok(_) => return Ok(DeleteParameterResult {}),
                Err(Error::Conflict) => continue,
                Err(error) => return Err(error),
            }
        }
        Err(too_many_updates())
    }

    pub async fn delete_parameters(
        &self,
        req: DeleteParametersRequest,
    ) -> Result<DeleteParametersResult> {
        for _ in 0..WRITE_ATTEMPTS {
            let mut deleted = Vec::new();
            let mut invalid = Vec::new();
            let mut compares = Vec::new();
            let mut ops = Vec::new();
            for name in &req.names {
                let found = match self.unversioned_ref(name) {
                    Ok(reference) => self.find_parameter(&reference).await?,
                    Err(_) => None,
                };
                match found {
                    Some((record, revision)) if !deleted.contains(name) => {
                        let key = keys::ssm_parameter(&record.name);
                        if !compares.iter().any(|c: &Compare| c.key() == key) {
                            compares.push(Compare::mod_revision(key.clone(), revision));
                            ops.push(Op::delete(key));
                        }
                        deleted.push(name.clone());
                    }
                    Some(_) => {}
                    None => invalid.push(name.clone()),
                }
            }
            if !ops.is_empty() {
                match self.commit(txn(compares, ops)).await {
                    Ok(_) => {}
                    Err(Error::Conflict) => continue,
                    Err(error) => return Err(error),
                }
            }
            return Ok(DeleteParametersResult {
                deleted_parameters: Some(deleted),
                invalid_parameters: Some(invalid),
            });
        }
        Err(too_many_updates())
    }

    pub async fn get_parameter_history(
        &self,
        req: GetParameterHistoryRequest,
    ) -> Result<GetParameterHistoryResult> {
        let reference = self.unversioned_ref(&req.name)?;
        let (record, _) = self
            .find_parameter(&reference)
            .await?
            .ok_or_else(|| not_found(&req.name))?;
        let decrypt = req.with_decryption.unwrap_or(false);
        let mut items = Vec::with_capacity(record.versions.len());
        for version in &record.versions {
            items.push((
                format!("{:020}", version.version),
                ParameterHistory {
                    name: Some(record.name.clone()),
                    type_: Some(version.type_),
                    key_id: key_id(version),
                    last_modified_date: Some(version.modified_at),
                    last_modified_user: Some(version.modified_by.clone()),
                    description: version.description.clone(),
                    value: Some(self.open_parameter_value(&record, version, decrypt)?),
                    allowed_pattern: version.allowed_pattern.clone(),
                    version: Some(version.version),
                    labels: Some(version.labels.clone()),
                    tier: Some(version.tier),
                    policies: Some(Vec::new()),
                    data_type: Some(version.data_type.clone()),
                },
            ));
        }
        let page = paginate(items, req.max_results, req.next_token.as_deref(), 50, 50)
            .map_err(|_| invalid_next_token())?;
        Ok(GetParameterHistoryResult {
            parameters: Some(page.items),
            next_token: page.next_token,
        })
    }

    pub async fn label_parameter_version(
        &self,
        req: LabelParameterVersionRequest,
    ) -> Result<LabelParameterVersionResult> {
        let reference = self.unversioned_ref(&req.name)?;
        let (valid, invalid): (Vec<String>, Vec<String>) =
            req.labels.iter().cloned().partition(|l| label_is_valid(l));
        let target = self
            .edit_parameter(
                &reference,
                || not_found(&req.name),
                |record| {
                    let target = req
                        .parameter_version
                        .unwrap_or_else(|| record.latest().version);
                    let Some(index) = record.versions.iter().position(|v| v.version == target)
                    else {
                        return Err(version_not_found(&req.name, target));
                    };
                    if valid.is_empty() {
                        return Ok(Edited::Unchanged(target));
                    }
                    // A label names one version of a parameter: attaching it moves it.
                    for version in &mut record.versions {
                        version.labels.retain(|l| !valid.contains(l));
                    }
                    let labels = &mut record.versions[index].labels;
                    labels.extend(valid.iter().cloned());
                    labels.dedup();
                    if labels.len() > MAX_LABELS_PER_VERSION {
                        return Err(ssm_error(
                            "ParameterVersionLabelLimitExceeded",
                            format!(
                                "A parameter version can have maximum {MAX_LABELS_PER_VERSION} \
                             labels. Move one or more labels to another version and try again."
                            ),
                        ));
                    }
                    Ok(Edited::Changed(target))
                },
            )
            .await?;
        Ok(LabelParameterVersionResult {
            invalid_labels: Some(invalid),
            parameter_version: Some(target),
        })
    }

    pub async fn unlabel_parameter_version(
        &self,
        req: UnlabelParameterVersionRequest,
    ) -> Result<UnlabelParameterVersionResult> {
        let reference = self.unversioned_ref(&req.name)?;
        let (removed, invalid) = self
            .edit_parameter(
                &reference,
                || not_found(&req.name),
                |record| {
                    let Some(version) = record
                        .versions
                        .iter_mut()
                        .find(|v| v.version == req.parameter_version)
                    else {
                        return Err(version_not_found(&req.name, req.parameter_version));
                    };
                    let (removed, invalid): (Vec<String>, Vec<String>) = req
                        .labels
                        .iter()
                        .cloned()
                        .partition(|l| version.labels.contains(l));
                    if removed.is_empty() {
                        return Ok(Edited::Unchanged((removed, invalid)));
                    }
                    version.labels.retain(|l| !removed.contains(l));
                    Ok(Edited::Changed((removed, invalid)))
                },
            )
            .await?;
        Ok(UnlabelParameterVersionResult {
            removed_labels: Some(removed),
            invalid_labels: Some(invalid),
        })
    }

    pub async fn ssm_add_tags_to_resource(
        &self,
        req: AddTagsToResourceRequest,
    ) -> Result<AddTagsToResourceResult> {
        if req.tags.is_empty() {
            return Err(Error::invalid("At least one tag must be given."));
        }
        check_tags(&req.tags)?;
        self.edit_parameter_tags(req.resource_type, &req.resource_id, |tags| {
            for tag in &req.tags {
                tags.retain(|t| t.key != tag.key);
                tags.push(tag.clone());
            }
        })
        .await?;
        Ok(AddTagsToResourceResult {})
    }

    pub async fn ssm_remove_tags_from_resource(
        &self,
        req: RemoveTagsFromResourceRequest,
    ) -> Result<RemoveTagsFromResourceResult> {
        self.edit_parameter_tags(req.resource_type, &req.resource_id, |tags| {
            tags.retain(|t| !req.tag_keys.contains(&t.key));
        })
        .await?;
        Ok(RemoveTagsFromResourceResult {})
    }

    pub async fn ssm_list_tags_for_resource(
        &self,
        req: ListTagsForResourceRequest,
    ) -> Result<ListTagsForResourceResult> {
        let reference = self.tagged_parameter(req.resource_type, &req.resource_id)?;
        let (record, _) = self
            .find_parameter(&reference)
            .await?
            .ok_or_else(invalid_resource_id)?;
        Ok(ListTagsForResourceResult {
            tag_list: Some(record.tags),
        })
    }

    /// Seals a secret value for the record `context` names (its ARN and version).
    pub(crate) fn seal_value(&self, context: &str, plain: &[u8]) -> StoredValue {
        use base64::Engine;
        let sealed = self.keyring.seal(
            crate::crypto::Purpose::SecretValues,
            context.as_bytes(),
            plain,
        );
        StoredValue::Sealed(base64::engine::general_purpose::STANDARD.encode(sealed))
    }

    /// Opens a stored value sealed for `context`.
    pub(crate) fn open_value(&self, context: &str, value: &StoredValue) -> Result<Vec<u8>> {
        use base64::Engine;
        match value {
            StoredValue::Clear(text) => Ok(text.as_bytes().to_vec()),
            StoredValue::Sealed(encoded) => {
                let sealed = base64::engine::general_purpose::STANDARD
                    .decode(encoded)
                    .map_err(|e| Error::Internal(anyhow::anyhow!("a sealed value: {e}")))?;
                self.keyring
                    .open(
                        crate::crypto::Purpose::SecretValues,
                        context.as_bytes(),
                        &sealed,
                    )
                    .map_err(|e| {
                        Error::Internal(anyhow::anyhow!(
                            "a secret value does not open with this server's key \
                             (was the key file replaced?): {e}"
                        ))
                    })
            }
        }
    }

    /// A parameter version's value as a read returns it: clear text, the decrypted value,
    /// or (for a SecureString read without decryption) the sealed form in base64.
    pub(crate) fn open_parameter_value(
        &self,
        record: &ParameterRecord,
        version: &ParameterVersionRecord,
        decrypt: bool,
    ) -> Result<String> {
        match &version.value {
            StoredValue::Clear(text) => Ok(text.clone()),
            StoredValue::Sealed(encoded) if !decrypt => Ok(encoded.clone()),
            sealed => {
                let arn = parameter_arn(&self.config.scope, &record.name);
                let plain = self.open_value(&version_context(&arn, version.version), sealed)?;
                String::from_utf8(plain)
                    .map_err(|e| Error::Internal(anyhow::anyhow!("a parameter value: {e}")))
            }
        }
    }

    /// The parameter named exactly `name`, with its store revision.
    async fn read_parameter(&self, name: &str) -> Result<Option<(ParameterRecord, Revision)>> {
        let Some(kv) = self.store.get(&keys::ssm_parameter(name)).await? else {
            return Ok(None);
        };
        let record: ParameterRecord =
            serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
        if record.versions.is_empty() {
            return Ok(None);
        }
        Ok(Some((record, kv.mod_revision)))
    }

    /// The first of the names a reference may mean that exists.
    pub(crate) async fn find_parameter(
        &self,
        reference: &ParameterRef,
    ) -> Result<Option<(ParameterRecord, Revision)>> {
        for name in &reference.names {
            if let Some(found) = self.read_parameter(name).await? {
                return Ok(Some(found));
            }
        }
        Ok(None)
    }

    /// A name or ARN that must not carry a selector.
    fn unversioned_ref(&self, name: &str) -> Result<ParameterRef> {
        let reference = parse_parameter_ref(&self.config.scope, name).map_err(Error::invalid)?;
        if reference.selector.is_some() {
            return Err(Error::invalid(format!(
                "Parameter name {name} must not name a version or label here."
            )));
        }
        Ok(reference)
    }

    /// Every parameter whose name, with a leading `/`, lies under `path` (which ends in
    /// `/`), sorted by name.
    async fn parameters_under(&self, path: &str) -> Result<Vec<ParameterRecord>> {
        let prefix = if path == "/" {
            keys::SSM_PARAMETERS.to_owned()
        } else {
            keys::ssm_parameter(path)
        };
        let (kvs, _) = self.store.range(&prefix).await?;
        let mut records = Vec::with_capacity(kvs.len());
        for kv in kvs {
            let record: ParameterRecord =
                serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
            if !record.versions.is_empty() {
                records.push(record);
            }
        }
        records.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(records)
    }

    fn render_parameter(
        &self,
        record: &ParameterRecord,
        version: &ParameterVersionRecord,
        selector: Option<&Selector>,
        decrypt: bool,
    ) -> Result<Parameter> {
        Ok(Parameter {
            name: Some(record.name.clone()),
            type_: Some(version.type_),
            value: Some(self.open_parameter_value(record, version, decrypt)?),
            version: Some(version.version),
            selector: selector.map(Selector::display),
            source_result: None,
            last_modified_date: Some(version.modified_at),
            arn: Some(parameter_arn(&self.config.scope, &record.name)),
            data_type: Some(version.data_type.clone()),
        })
    }

    fn metadata(&self, record: &ParameterRecord) -> ParameterMetadata {
        let latest = record.latest();
        ParameterMetadata {
            name: Some(record.name.clone()),
            arn: Some(parameter_arn(&self.config.scope, &record.name)),
            type_: Some(latest.type_),
            key_id: key_id(latest),
            last_modified_date: Some(latest.modified_at),
            last_modified_user: Some(latest.modified_by.clone()),
            description: latest.description.clone(),
            allowed_pattern: latest.allowed_pattern.clone(),
            version: Some(latest.version),
            tier: Some(latest.tier),
            policies: Some(Vec::new()),
            data_type: Some(latest.data_type.clone()),
        }
    }

    fn tagged_parameter(
        &self,
        resource_type: ResourceTypeForTagging,
        resource_id: &str,
    ) -> Result<ParameterRef> {
        if resource_type != ResourceTypeForTagging::Parameter {
            return Err(ssm_error(
                "InvalidResourceType",
                format!(
                    "The resource type {resource_type} is not valid: berth's Systems Manager \
                     holds parameters only (ResourceType Parameter)."
                ),
            ));
        }
        self.unversioned_ref(resource_id)
            .map_err(|_| invalid_resource_id())
    }

    async fn edit_parameter_tags(
        &self,
        resource_type: ResourceTypeForTagging,
        resource_id: &str,
        edit: impl Fn(&mut Vec<Tag>),
    ) -> Result<()> {
        let reference = self.tagged_parameter(resource_type, resource_id)?;
        self.edit_parameter(&reference, invalid_resource_id, |record| {
            edit(&mut record.tags);
            if record.tags.len() > MAX_TAGS {
                return Err(ssm_error(
                    "TooManyTagsError",
                    format!(
                        "A parameter can have at most {MAX_TAGS} tags. Remove one or more tags \
                         and try again."
                    ),
                ));
            }
            Ok(Edited::Changed(()))
        })
        .await
    }

    /// Changes the parameter `reference` names with `edit`, guarded by its revision and
    /// retried on a lost race. A missing parameter is `missing()`.
    async fn edit_parameter<T>(
        &self,
        reference: &ParameterRef,
        missing: impl Fn() -> Error,
        mut edit: impl FnMut(&mut ParameterRecord) -> Result<Edited<T>>,
    ) -> Result<T> {
        for _ in 0..WRITE_ATTEMPTS {
            let (mut record, revision) =
                self.find_parameter(reference).await?.ok_or_else(&missing)?;
            let answer = match edit(&mut record)? {
                Edited::Unchanged(answer) => return Ok(answer),
                Edited::Changed(answer) => answer,
            };
            let key = keys::ssm_parameter(&record.name);
            match self
                .commit(txn(
                    vec![Compare::mod_revision(key.clone(), revision)],
                    vec![put_json(key, &record)?],
                ))
                .await
            {
                Ok(_) => return Ok(answer),
                Err(Error::Conflict) => continue,
                Err(error) => return Err(error),
            }
        }
        Err(too_many_updates())
    }
}

/// What a sealed parameter value is bound to: its ARN and version.
fn version_context(arn: &str, version: i64) -> String {
    format!("{arn}#{version}")
}

fn key_id(version: &ParameterVersionRecord) -> Option<String> {
    (version.type_ == ParameterType::SecureString).then(|| DEFAULT_KEY_ID.to_owned())
}

fn too_many_updates() -> Error {
    ssm_error(
        "TooManyUpdates",
        "There are concurrent updates for a resource that supports one update at a time.",
    )
}

fn invalid_next_token() -> Error {
    ssm_error(
        "InvalidNextToken",
        "The specified token is not valid. Use a NextToken from a previous response.",
    )
}

fn invalid_resource_id() -> Error {
    ssm_error(
        "InvalidResourceId",
        "The resource ID isn't valid. Verify that you entered the correct ID and try again.",
    )
}

/// The version a selector names (the latest without one).
fn select_version<'a>(
    record: &'a ParameterRecord,
    selector: Option<&Selector>,
) -> Result<&'a ParameterVersionRecord> {
    match selector {
        None => Ok(record.latest()),
        Some(Selector::Version(v)) => record
            .versions
            .iter()
            .find(|version| version.version == *v)
            .ok_or_else(|| version_not_found(&record.name, *v)),
        Some(Selector::Label(label)) => record
            .versions
            .iter()
            .find(|version| version.labels.contains(label))
            .ok_or_else(|| {
                ssm_error(
                    "ParameterVersionNotFound",
                    format!(
                        "Systems Manager could not find a version of {} labelled {label}. \
                         Verify the label and try again.",
                        record.name
                    ),
                )
            }),
    }
}

/// The tier a write gets: the one asked for (Intelligent-Tiering picks the smallest that
/// fits), else the parameter's current one, else Standard. A parameter never moves down
/// from Advanced.
fn effective_tier(
    asked: Option<ParameterTier>,
    current: Option<ParameterTier>,
    value_len: usize,
) -> Result<ParameterTier> {
    let advanced_now = current == Some(ParameterTier::Advanced);
    let tier = match asked {
        Some(ParameterTier::IntelligentTiering) => {
            if advanced_now || value_len > STANDARD_VALUE_MAX {
                ParameterTier::Advanced
            } else {
                ParameterTier::Standard
            }
        }
        Some(ParameterTier::Standard) if advanced_now => {
            return Err(Error::invalid(
                "This parameter uses the advanced-parameter tier. You can't downgrade a \
                 parameter from the advanced-parameter tier to the standard-parameter tier. If \
                 necessary, you can delete the advanced parameter and recreate it as a standard \
                 parameter.",
            ))
        }
        Some(tier) => tier,
        None => current.unwrap_or(ParameterTier::Standard),
    };
    let max = match tier {
        ParameterTier::Advanced => ADVANCED_VALUE_MAX,
        _ => STANDARD_VALUE_MAX,
    };
    if value_len > max {
        return Err(Error::invalid(match tier {
            ParameterTier::Advanced => format!(
                "Advanced tier parameters support a maximum parameter value of \
                 {ADVANCED_VALUE_MAX} characters; this value has {value_len}."
            ),
            _ => format!(
                "Standard tier parameters support a maximum parameter value of \
                 {STANDARD_VALUE_MAX} characters; this value has {value_len}. To create a \
                 larger parameter value, upgrade the parameter to use the advanced-parameter \
                 tier."
            ),
        }));
    }
    Ok(tier)
}

/// An `AllowedPattern`, anchored: the whole value must match, as with SSM's Java regular
/// expressions.
fn compile_pattern(pattern: &str) -> Result<regex_lite::Regex> {
    regex_lite::Regex::new(&format!("^(?:{pattern})$")).map_err(|e| {
        ssm_error(
            "InvalidAllowedPatternException",
            format!("The request does not meet the regular expression requirement: {e}"),
        )
    })
}

/// A label SSM accepts: 1 to 100 letters, digits, `.`, `-`, `_`, not starting with a digit
/// or with `aws`/`ssm`.
fn label_is_valid(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    !label.is_empty()
        && label.len() <= 100
        && label
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-_".contains(c))
        && !label.starts_with(|c: char| c.is_ascii_digit())
        && !lower.starts_with("aws")
        && !lower.starts_with("ssm")
}

fn check_tags(tags: &[Tag]) -> Result<()> {
    if tags.len() > MAX_TAGS {
        return Err(ssm_error(
            "TooManyTagsError",
            format!("A parameter can have at most {MAX_TAGS} tags."),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for tag in tags {
        if tag.key.to_ascii_lowercase().starts_with("aws:") {
            return Err(Error::invalid(format!(
                "Tag key {} uses the reserved prefix aws:.",
                tag.key
            )));
        }
        if !seen.insert(tag.key.as_str()) {
            return Err(Error::invalid(format!(
                "Tag key {} is given more than once.",
                tag.key
            )));
        }
    }
    Ok(())
}

/// A name with a leading `/`, as hierarchy paths compare it.
fn normalized(name: &str) -> String {
    if name.starts_with('/') {
        name.to_owned()
    } else {
        format!("/{name}")
    }
}

/// A GetParametersByPath `Path`, ending in `/`.
fn check_path(path: &str) -> Result<String> {
    if !path.starts_with('/') {
        return Err(Error::invalid(format!(
            "The parameter path {path} is not valid: a path must begin with a forward slash \
             (/)."
        )));
    }
    let trimmed = path.trim_end_matches('/');
    if !trimmed.is_empty() {
        check_parameter_name(trimmed).map_err(Error::invalid)?;
        if hierarchy_levels(trimmed) > MAX_HIERARCHY_LEVELS {
            return Err(ssm_error(
                "HierarchyLevelLimitExceededException",
                format!("The path {path} has more than {MAX_HIERARCHY_LEVELS} levels."),
            ));
        }
    }
    Ok(format!("{trimmed}/"))
}

/// Which call a filter list is for: each takes its own keys.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FilterUse {
    ByPath,
    Describe,
}

fn check_filters(filters: &[ParameterStringFilter], usage: FilterUse) -> Result<()> {
    for filter in filters {
        let key = filter.key.as_str();
        let is_tag = key.starts_with("tag:");
        let options: &[&str] = match (usage, key) {
            (FilterUse::ByPath, "Type" | "KeyId" | "Label") => &["Equals"],
            (FilterUse::Describe, "Name") => &["Equals", "BeginsWith", "Contains"],
            (FilterUse::Describe, "Path") => &["Recursive", "OneLevel"],
            (FilterUse::Describe, "Type" | "Tier" | "DataType") => &["Equals"],
            (FilterUse::Describe, "KeyId") => &["Equals", "BeginsWith"],
            (FilterUse::Describe, _) if is_tag && key.len() > 4 => &["Equals"],
            (FilterUse::ByPath, _) => {
                return Err(ssm_error(
                    "InvalidFilterKey",
                    format!(
                        "The following filter key is not valid: {key}. Valid filter keys \
                         include: [Type, KeyId, Label]."
                    ),
                ))
            }
            (FilterUse::Describe, _) => {
                return Err(ssm_error(
                    "InvalidFilterKey",
                    format!(
                        "The following filter key is not valid: {key}. Valid filter keys \
                         include: [Name, Path, Type, KeyId, Tier, DataType, tag:<key>]."
                    ),
                ))
            }
        };
        if let Some(option) = &filter.option {
            if !options.contains(&option.as_str()) {
                return Err(ssm_error(
                    "InvalidFilterOption",
                    format!(
                        "The filter option {option} is not valid for the key {key}. Valid \
                         options: {}.",
                        options.join(", ")
                    ),
                ));
            }
        }
        let values = filter.values.as_deref().unwrap_or_default();
        if values.is_empty() && !is_tag {
            return Err(ssm_error(
                "InvalidFilterValue",
                format!("The filter {key} needs at least one value."),
            ));
        }
        if key == "Path" {
            for value in values {
                check_path(value)?;
            }
        }
        if key == "Type" {
            if let Some(bad) = values.iter().find(|v| ParameterType::parse(v).is_none()) {
                return Err(ssm_error(
                    "InvalidFilterValue",
                    format!(
                        "The filter value {bad} is not valid for Type: use String, StringList \
                         or SecureString."
                    ),
                ));
            }
        }
    }
    Ok(())
}

impl Filters<'_> {
    /// Whether a parameter (judged by `version`) passes every filter; a filter passes when
    /// any of its values matches.
    fn matches(&self, record: &ParameterRecord, version: &ParameterVersionRecord) -> bool {
        self.filters.iter().all(|filter| {
            let values = filter.values.as_deref().unwrap_or_default();
            let option = filter.option.as_deref();
            let any = |f: &dyn Fn(&str) -> bool| values.iter().any(|v| f(v));
            match filter.key.as_str() {
                "Name" => {
                    let name = record.name.as_str();
                    match option.unwrap_or("Equals") {
                        "BeginsWith" => any(&|v| normalized(name).starts_with(&normalized(v))),
                        "Contains" => any(&|v| name.contains(v)),
                        _ => any(&|v| normalized(name) == normalized(v)),
                    }
                }
                "Path" => {
                    let name = normalized(&record.name);
                    let recursive = option == Some("Recursive");
                    any(&|v| {
                        let path = format!("{}/", v.trim_end_matches('/'));
                        match name.strip_prefix(&path) {
                            Some(rest) => recursive || !rest.contains('/'),
                            None => false,
                        }
                    })
                }
                "Type" => any(&|v| version.type_.as_str() == v),
                "KeyId" => {
                    let key = key_id(version);
                    match option {
                        Some("BeginsWith") => {
                            any(&|v| key.as_deref().is_some_and(|k| k.starts_with(v)))
                        }
                        _ => any(&|v| key.as_deref() == Some(v)),
                    }
                }
                "Tier" => any(&|v| version.tier.as_str() == v),
                "DataType" => any(&|v| version.data_type == v),
                // Chose the version already.
                "Label" => true,
                key => {
                    let tag_key = key.trim_start_matches("tag:");
                    match record.tags.iter().find(|t| t.key == tag_key) {
                        None => false,
                        Some(_) if values.is_empty() => true,
                        Some(tag) => any(&|v| tag.value == v),
                    }
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_fit_the_value_and_never_move_down() {
        use ParameterTier::*;
        assert_eq!(effective_tier(None, None, 10).unwrap(), Standard);
        assert_eq!(effective_tier(None, Some(Advanced), 10).unwrap(), Advanced);
        assert_eq!(
            effective_tier(Some(IntelligentTiering), None, 5000).unwrap(),
            Advanced
        );
        assert_eq!(
            effective_tier(Some(IntelligentTiering), None, 50).unwrap(),
            Standard
        );
        assert!(effective_tier(Some(Standard), Some(Advanced), 10).is_err());
        assert!(effective_tier(None, None, STANDARD_VALUE_MAX + 1).is_err());
        assert!(effective_tier(Some(Advanced), None, ADVANCED_VALUE_MAX + 1).is_err());
        assert_eq!(
            effective_tier(Some(Advanced), None, ADVANCED_VALUE_MAX).unwrap(),
            Advanced
        );
    }

    #[test]
    fn labels_follow_ssm_rules() {
        for good in ["prod", "Prod_1.a-b", &"x".repeat(100)] {
            assert!(label_is_valid(good), "{good}");
        }
        for bad in ["", "1st", "aws-x", "SSMy", "a/b", "a b", &"x".repeat(101)] {
            assert!(!label_is_valid(bad), "{bad:?}");
        }
    }

    #[test]
    fn allowed_patterns_match_the_whole_value() {
        let regex = compile_pattern("[0-9]+").unwrap();
        assert!(regex.is_match("123"));
        assert!(!regex.is_match("12a"));
        assert!(compile_pattern("(").is_err());
    }

    #[test]
    fn paths_end_in_a_slash() {
        assert_eq!(check_path("/").unwrap(), "/");
        assert_eq!(check_path("/a/b/").unwrap(), "/a/b/");
        assert_eq!(check_path("/a").unwrap(), "/a/");
        assert!(check_path("a").is_err());
    }
}
