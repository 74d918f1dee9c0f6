//! awsvpc task networking in the app layer: the internal interface for subnets and
//! security groups (which `berth dev`, the provisional `/control/v1/network/…` admin
//! path and tests use; an EC2-style API would call the same methods), the check of a
//! request's `networkConfiguration`, address allocation at placement and the release of
//! addresses of STOPPED tasks. The records and the pure allocation live in
//! `crate::network`.
//!
//! How a task gets its address: RunTask, StartTask and the service scheduler resolve the
//! `awsvpcConfiguration` into an [`AwsvpcRequest`] ([`App::awsvpc_request`]); under the
//! placement lock, `App::new_tasks` asks [`App::allocate_networks`] for each placed
//! task's [`TaskNetwork`] (the ENI attachment: address, MAC, ENI ID, slice, resolved
//! ingress), which goes into the task's record and its desired state, and the claims
//! (the host's slice when new, the address) are written in the task's own transaction.

use std::net::Ipv4Addr;

use berth_api::ecs::{self, AssignPublicIp, NetworkMode};
use berth_api::protocol::{IngressRule, TaskNetwork};
use berth_store::{Compare, Op};

use super::{put_json, txn, App};
use crate::error::{Error, Result};
use crate::model::now;
use crate::network::{
    check_ingress, check_subnet, is_resource_id, keys, new_resource_id, AllocationError, Allocator,
    AwsvpcRequest, Claim, SecurityGroupRecord, SubnetRecord, DEFAULT_SECURITY_GROUP,
    MAX_SECURITY_GROUPS, MAX_SUBNETS,
};

/// The most subnets and security groups berth keeps.
pub(crate) const MAX_SUBNET_RECORDS: usize = 1_000;
const MAX_SECURITY_GROUP_RECORDS: usize = 2_500;
/// Names: EC2 allows 255 characters.
const MAX_NAME_LEN: usize = 255;

/// A placed task's network and what to write with it.
pub(crate) struct AllocatedNetwork {
    pub network: TaskNetwork,
    pub compares: Vec<Compare>,
    pub ops: Vec<Op>,
}

impl App {
    /// Creates a subnet over `cidr` whose hosts each get a `/host_prefix` slice. The CIDR
    /// must not overlap another subnet's.
    pub async fn create_subnet(
        &self,
        cidr: &str,
        name: &str,
        host_prefix: u8,
    ) -> Result<SubnetRecord> {
        check_name("subnet", name)?;
        let record = {
            let view = self.view.read();
            if view.network.subnets.len() >= MAX_SUBNET_RECORDS {
                return Err(Error::invalid(format!(
                    "berth keeps at most {MAX_SUBNET_RECORDS} subnets; delete one first."
                )));
            }
            let net = check_subnet(cidr, host_prefix, &view.network.subnets)
                .map_err(|e| Error::invalid(e.0))?;
            SubnetRecord {
                id: new_resource_id("subnet"),
                cidr: net.to_string(),
                name: name.to_owned(),
                host_prefix,
                created_at: now(),
            }
        };
        // Two concurrent creations of overlapping subnets are not excluded by a compare;
        // this path is the administrator's alone and serial in practice.
        let key = keys::subnet(&record.id);
        self.commit(txn(
            vec![Compare::Absent { key: key.clone() }],
            vec![put_json(key, &record)?],
        ))
        .await?;
        Ok(record)
    }

    /// Creates a security group admitting `ingress` (and replies to what its tasks send).
    pub async fn create_security_group(
        &self,
        name: &str,
        description: &str,
        ingress: Vec<IngressRule>,
    ) -> Result<SecurityGroupRecord> {
        check_name("security group", name)?;
        if description.len() > MAX_NAME_LEN {
            return Err(Error::invalid(format!(
                "A security group's description is at most {MAX_NAME_LEN} characters."
            )));
        }
        check_ingress(&ingress).map_err(|e| Error::invalid(e.0))?;
        {
            let view = self.view.read();
            if view.network.security_groups.len() >= MAX_SECURITY_GROUP_RECORDS {
                return Err(Error::invalid(format!(
                    "berth keeps at most {MAX_SECURITY_GROUP_RECORDS} security groups."
                )));
            }
            if view
                .network
                .security_groups
                .values()
                .any(|g| g.name == name)
            {
                return Err(Error::invalid(format!(
                    "The security group '{name}' already exists; choose another name."
                )));
            }
        }
        let record = SecurityGroupRecord {
            id: new_resource_id("sg"),
            name: name.to_owned(),
            description: description.to_owned(),
            ingress,
            created_at: now(),
        };
        let key = keys::security_group(&record.id);
        self.commit(txn(
            vec![Compare::Absent { key: key.clone() }],
            vec![put_json(key, &record)?],
        ))
        .await?;
        Ok(record)
    }

    /// The subnets, by ID.
    pub fn subnets(&self) -> Vec<SubnetRecord> {
        self.view.read().network.subnets.values().cloned().collect()
    }

    /// The security groups, by ID.
    pub fn security_groups(&self) -> Vec<SecurityGroupRecord> {
        self.view
            .read()
            .network
            .security_groups
            .values()
            .cloned()
            .collect()
    }

    /// Makes the `default` security group if the server has none. Unlike EC2's (which
    /// admits only members of the same group), berth's admits everything: every
    /// protocol and port from any address. Create a group to restrict a task.
    pub async fn ensure_default_security_group(&self) -> Result<SecurityGroupRecord> {
        if let Some(group) = self.view.read().network.default_security_group() {
            return Ok(group.clone());
        }
        self.create_security_group(
            DEFAULT_SECURITY_GROUP,
            "default security group: admits all traffic",
            vec![IngressRule {
                protocol: "-1".into(),
                from_port: 0,
                to_port: 0,
                cidr: "0.0.0.0/0".into(),
            }],
        )
        .await
    }

    /// Makes a subnet named `name` over `cidr` if no subnet has that name (`berth dev`'s
    /// default subnet).
    pub async fn ensure_subnet(&self, name: &str, cidr: &str) -> Result<SubnetRecord> {
        if let Some(subnet) = self
            .view
            .read()
            .network
            .subnets
            .values()
            .find(|s| s.name == name)
        {
            return Ok(subnet.clone());
        }
        self.create_subnet(cidr, name, crate::network::DEFAULT_HOST_PREFIX)
            .await
    }

    /// Checks a launch's `networkConfiguration` against the task definition's network
    /// mode, as ECS does, and resolves it. `None` for the other network modes.
    pub(crate) fn awsvpc_request(
        &self,
        mode: NetworkMode,
        given: Option<&ecs::NetworkConfiguration>,
    ) -> Result<Option<AwsvpcRequest>> {
        let config = given.and_then(|g| g.awsvpc_configuration.as_ref());
        if config.and_then(|c| c.assign_public_ip) == Some(AssignPublicIp::Enabled) {
            return Err(Error::invalid(
                "'networkConfiguration.awsvpcConfiguration.assignPublicIp' ENABLED is not supported by berth: its subnets have no public addresses. Use DISABLED.",
            ));
        }
        if mode != NetworkMode::Awsvpc {
            if given.is_some() {
                return Err(Error::invalid(
                    "Network Configuration is not valid for the given networkMode of this task definition. Remove 'networkConfiguration', or use a task definition with networkMode awsvpc.",
                ));
            }
            return Ok(None);
        }
        let Some(config) = config else {
            return Err(Error::invalid(
                "Network Configuration must be provided when networkMode 'awsvpc' is specified. Give 'networkConfiguration.awsvpcConfiguration' with your subnets.",
            ));
        };
        if config.subnets.is_empty() {
            return Err(Error::invalid("subnets can not be empty."));
        }
        if config.subnets.len() > MAX_SUBNETS {
            return Err(Error::invalid(format!(
                "At most {MAX_SUBNETS} subnets can be given in awsvpcConfiguration; {} were given.",
                config.subnets.len()
            )));
        }
        let groups = config.security_groups.clone().unwrap_or_default();
        if groups.len() > MAX_SECURITY_GROUPS {
            return Err(Error::invalid(format!(
                "At most {MAX_SECURITY_GROUPS} security groups can be given in awsvpcConfiguration; {} were given.",
                groups.len()
            )));
        }
        let view = self.view.read();
        let mut subnets: Vec<String> = Vec::new();
        for id in &config.subnets {
            if !is_resource_id("subnet", id) {
                return Err(Error::invalid(format!(
                    "Error retrieving subnet information for [{id}]: The subnet ID '{id}' is malformed (ErrorCode: InvalidSubnetID.Malformed). Subnet IDs are 'subnet-' and 8 or 17 hex digits."
                )));
            }
            if !view.network.subnets.contains_key(id) {
                return Err(Error::invalid(format!(
                    "Error retrieving subnet information for [{id}]: The subnet ID '{id}' does not exist (ErrorCode: InvalidSubnetID.NotFound)"
                )));
            }
            if !subnets.contains(id) {
                subnets.push(id.clone());
            }
        }
        let mut security_groups: Vec<String> = Vec::new();
        for id in &groups {
            if !is_resource_id("sg", id) {
                return Err(Error::invalid(format!(
                    "Error retrieving security group information for [{id}]: Invalid id: \"{id}\" (expecting \"sg-...\") (ErrorCode: InvalidGroupId.Malformed)"
                )));
            }
            if !view.network.security_groups.contains_key(id) {
                return Err(Error::invalid(format!(
                    "Error retrieving security group information for [{id}]: The security group '{id}' does not exist (ErrorCode: InvalidGroup.NotFound)"
                )));
            }
            if !security_groups.contains(id) {
                security_groups.push(id.clone());
            }
        }
        if security_groups.is_empty() {
            // As ECS: no group given means the VPC's default group.
            let Some(default) = view.network.default_security_group() else {
                return Err(Error::invalid(
                    "No security group was given and the default security group does not exist. Give 'securityGroups'.",
                ));
            };
            security_groups.push(default.id.clone());
        }
        Ok(Some(AwsvpcRequest {
            subnets,
            security_groups,
        }))
    }

    /// Gives each placed task (instance ID, task ID) an address. Call with the placement
    /// lock held; the caller counts the returned networks as in flight until written.
    /// `None` for a task that found no room (ECS's `RESOURCE:ENI`).
    pub(crate) fn allocate_networks(
        &self,
        request: &AwsvpcRequest,
        cluster: &str,
        placed: &[(String, String)],
    ) -> Result<Vec<Option<AllocatedNetwork>>> {
        let in_flight = self.pending_networks();
        let view = self.view.read();
        let mut allocator = Allocator::new(
            &view.network,
            in_flight.iter().map(|(i, n)| (i.as_str(), n)),
        );
        let mut out = Vec::with_capacity(placed.len());
        for (instance_id, task_id) in placed {
            match allocator.allocate(request, cluster, instance_id, task_id) {
                Ok((network, claims)) => {
                    let mut compares = Vec::new();
                    let mut ops = Vec::new();
                    for claim in claims {
                        let (key, op) = match &claim {
                            Claim::Slice(slice) => {
                                let key = keys::slice(&slice.subnet_id, slice.index);
                                (key.clone(), put_json(key, slice)?)
                            }
                            Claim::Address(address) => {
                                let ip: Ipv4Addr = address.address.parse().map_err(
                                    |e: std::net::AddrParseError| Error::Internal(e.into()),
                                )?;
                                let key = keys::address(&address.subnet_id, ip);
                                (key.clone(), put_json(key, address)?)
                            }
                        };
                        compares.push(Compare::Absent { key });
                        ops.push(op);
                    }
                    out.push(Some(AllocatedNetwork {
                        network,
                        compares,
                        ops,
                    }));
                }
                Err(AllocationError::Exhausted) => out.push(None),
                Err(AllocationError::Missing(id)) => {
                    return Err(Error::invalid(format!(
                        "{id} was deleted while the task was placed; try again."
                    )))
                }
            }
        }
        Ok(out)
    }

    /// Frees the addresses of tasks that are STOPPED or forgotten: deletes their keys,
    /// each guarded by its revision so a key given again meanwhile is left alone. Returns
    /// how many were freed. Idempotent; the `address_release` reconciler runs it.
    pub(crate) async fn release_addresses(&self) -> Result<usize> {
        let due: Vec<String> = {
            let view = self.view.read();
            view.network
                .addresses
                .iter()
                .filter(|(_, record)| {
                    view.tasks
                        .get(&record.task_id)
                        .is_none_or(|entry| entry.intent.is_none() || entry.is_stopped())
                })
                .map(|((subnet, ip), _)| keys::address(subnet, *ip))
                .take(berth_store::MAX_TXN_OPS)
                .collect()
        };
        if due.is_empty() {
            return Ok(0);
        }
        let mut freed = 0;
        for key in due {
            let Some(kv) = self.store.get(&key).await? else {
                continue;
            };
            let result = self
                .commit(txn(
                    vec![Compare::ModRevision {
                        key: key.clone(),
                        revision: kv.mod_revision,
                    }],
                    vec![Op::Delete { key }],
                ))
                .await;
            match result {
                Ok(_) => freed += 1,
                Err(Error::Conflict) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(freed)
    }
}

/// Checks a subnet's or security group's name.
fn check_name(what: &str, name: &str) -> Result<()> {
    if name.is_empty()
        || name.len() > MAX_NAME_LEN
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " ._-:/()#,@[]+=&;{}!$*".contains(c))
    {
        return Err(Error::invalid(format!(
            "A {what}'s name must be 1-{MAX_NAME_LEN} letters, digits, spaces and ._-:/()#,@[]+=&;{{}}!$*; '{name}' is not."
        )));
    }
    Ok(())
}
