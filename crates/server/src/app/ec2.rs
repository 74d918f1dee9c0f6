//! The EC2 API's app layer: subnets and security groups as `aws ec2` and the SDKs see
//! them, over the awsvpc records of `app/network.rs`.
//!
//! berth has no VPCs: every subnet and security group is in one implicit VPC, [`VPC_ID`],
//! which every answer reports. A request naming another `VpcId` is refused with
//! `InvalidVpcID.NotFound`. A subnet's `Name` tag is berth's name for it (its CIDR, or
//! `default` for `berth dev`'s; berth keeps no other tags yet); each host gets a `/24` slice of it (or the whole subnet when it is smaller). Security
//! groups have ingress rules of a protocol (`tcp`, `udp`, `icmp`, `-1`), a port range and
//! a source IPv4 CIDR; egress is never filtered (every group reports EC2's allow-all egress
//! rule). Source-group, IPv6 and prefix-list rules, rule descriptions, tags and rule IDs
//! are refused naming the parameter. A group's rules are resolved when a task is placed:
//! changing a group changes the tasks launched afterwards, not the running ones.

use std::collections::BTreeMap;

use berth_api::ec2::*;
use berth_api::protocol::IngressRule;
use berth_store::{Compare, Op};

use super::network::MAX_SUBNET_RECORDS;
use super::pagination::paginate;
use super::{put_json, txn, App};
use crate::error::{Error, Result};
use crate::network::{
    check_ingress, is_resource_id, keys, SecurityGroupRecord, SubnetRecord, DEFAULT_HOST_PREFIX,
    DEFAULT_SECURITY_GROUP, MAX_INGRESS_RULES,
};

/// The one VPC every subnet and security group is in.
pub const VPC_ID: &str = "vpc-0000000000000b347";

/// EC2's page size limits for DescribeSubnets and DescribeSecurityGroups.
const MAX_PAGE: usize = 1000;
/// The most IDs, names, filters and values one Describe call takes.
const MAX_LOOKUPS: usize = 200;

impl App {
    /// `arn:PARTITION:ec2:REGION:ACCOUNT:TYPE/ID`.
    pub(crate) fn ec2_arn(&self, resource_type: &str, id: &str) -> String {
        let scope = &self.config.scope;
        format!(
            "arn:{}:ec2:{}:{}:{resource_type}/{id}",
            scope.partition, scope.region, scope.account
        )
    }

    /// The ARN of the group a request names by ID or name (`*` when it names none that
    /// exists: the call then fails with the group's own error).
    pub(crate) fn ec2_group_arn(&self, id: &Option<String>, name: &Option<String>) -> String {
        let found = match (id, name) {
            (Some(id), _) => Some(id.clone()),
            (None, Some(name)) => self
                .view
                .read()
                .network
                .security_groups
                .values()
                .find(|g| &g.name == name)
                .map(|g| g.id.clone()),
            (None, None) => None,
        };
        self.ec2_arn("security-group", found.as_deref().unwrap_or("*"))
    }

    pub async fn ec2_create_subnet(&self, req: CreateSubnetRequest) -> Result<CreateSubnetResult> {
        check_vpc(Some(&req.vpc_id))?;
        let refused = [
            ("TagSpecification", req.tag_specifications.is_some()),
            ("AvailabilityZone", req.availability_zone.is_some()),
            ("AvailabilityZoneId", req.availability_zone_id.is_some()),
            ("Ipv6CidrBlock", req.ipv6_cidr_block.is_some()),
            ("OutpostArn", req.outpost_arn.is_some()),
            ("Ipv6Native", req.ipv6_native == Some(true)),
            ("Ipv4IpamPoolId", req.ipv4_ipam_pool_id.is_some()),
            ("Ipv4NetmaskLength", req.ipv4_netmask_length.is_some()),
            ("Ipv6IpamPoolId", req.ipv6_ipam_pool_id.is_some()),
            ("Ipv6NetmaskLength", req.ipv6_netmask_length.is_some()),
        ];
        refuse_given(&refused, "subnets")?;
        let Some(cidr) = req.cidr_block else {
            return Err(Error::api(
                "MissingParameter",
                "The request must contain the parameter CidrBlock (berth has no IPAM pools).",
            ));
        };
        let net: ipnet::Ipv4Net = cidr.parse().map_err(|_| {
            Error::api(
                "InvalidParameterValue",
                format!("Value ({cidr}) for parameter cidrBlock is invalid. This is not a valid CIDR block: give an IPv4 network such as 10.100.0.0/16."),
            )
        })?;
        // EC2's codes for the two refusals it names apart; `create_subnet` checks them
        // again (and the rest) under its own terms.
        {
            let view = self.view.read();
            if view.network.subnets.len() >= MAX_SUBNET_RECORDS {
                return Err(Error::api(
                    "SubnetLimitExceeded",
                    format!("berth keeps at most {MAX_SUBNET_RECORDS} subnets; delete one first."),
                ));
            }
            if let Some(other) = view.network.subnets.values().find(|s| {
                s.net()
                    .is_some_and(|o| o.contains(&net.network()) || net.contains(&o.network()))
            }) {
                return Err(Error::api(
                    "InvalidSubnet.Conflict",
                    format!(
                        "The CIDR '{cidr}' conflicts with another subnet: {} ({}).",
                        other.id, other.cidr
                    ),
                ));
            }
        }
        // The subnet is named by its CIDR, which `create_subnet`'s name rules admit.
        let record = self
            .create_subnet(&cidr, &cidr, net.prefix_len().max(DEFAULT_HOST_PREFIX))
            .await
            .map_err(|e| match e {
                Error::InvalidParameter(message) => Error::api("InvalidSubnet.Range", message),
                other => other,
            })?;
        Ok(CreateSubnetResult {
            subnet: Some(self.ec2_subnet(&record)),
        })
    }

    pub async fn ec2_describe_subnets(
        &self,
        req: DescribeSubnetsRequest,
    ) -> Result<DescribeSubnetsResult> {
        let ids = req.subnet_ids.unwrap_or_default();
        check_lookups(&ids, "SubnetId")?;
        if !ids.is_empty() && req.max_results.is_some() {
            return Err(Error::api(
                "InvalidParameterCombination",
                "The parameter SubnetIds cannot be used with the parameter MaxResults.",
            ));
        }
        let filters = Filters::new(
            req.filters.unwrap_or_default(),
            &[
                "subnet-id",
                "vpc-id",
                "cidr-block",
                "cidr",
                "state",
                "owner-id",
            ],
        )?;
        let subnets = self.subnets();
        for id in &ids {
            if !subnets.iter().any(|s| &s.id == id) {
                return Err(Error::api(
                    "InvalidSubnetID.NotFound",
                    format!("The subnet ID '{id}' does not exist"),
                ));
            }
        }
        let account = self.config.scope.account.clone();
        let chosen = subnets
            .iter()
            .filter(|s| ids.is_empty() || ids.contains(&s.id))
            .filter(|s| {
                filters.matches("subnet-id", &s.id)
                    && filters.matches("vpc-id", VPC_ID)
                    && filters.matches("cidr-block", &s.cidr)
                    && filters.matches("cidr", &s.cidr)
                    && filters.matches("state", "available")
                    && filters.matches("owner-id", &account)
            });
        let page = paginate(
            chosen.map(|s| (s.id.clone(), self.ec2_subnet(s))),
            req.max_results,
            req.next_token.as_deref(),
            MAX_PAGE,
            MAX_PAGE,
        )?;
        Ok(DescribeSubnetsResult {
            subnets: Some(page.items),
            next_token: page.next_token,
        })
    }

    /// Deletes a subnet that no task holds an address in (EC2's `DependencyViolation`
    /// otherwise), with its hosts' slices. The placement lock is held, so no task is being
    /// given an address in it meanwhile.
    pub async fn ec2_delete_subnet(
        &self,
        req: DeleteSubnetRequest,
    ) -> Result<crate::apis::query::NoOutput> {
        let id = req.subnet_id;
        check_id("subnet", &id, "InvalidSubnetID.Malformed")?;
        let _placing = self.placement.lock().await;
        let in_flight = self
            .pending_networks()
            .iter()
            .any(|(_, network)| network.subnet_id == id);
        let (record, slices, in_use) = {
            let view = self.view.read();
            let Some(record) = view.network.subnets.get(&id).cloned() else {
                return Err(Error::api(
                    "InvalidSubnetID.NotFound",
                    format!("The subnet ID '{id}' does not exist"),
                ));
            };
            let slices: Vec<u32> = view
                .network
                .slices
                .keys()
                .filter(|(subnet, _)| subnet == &id)
                .map(|(_, index)| *index)
                .collect();
            let in_use = view
                .network
                .addresses
                .keys()
                .filter(|(subnet, _)| subnet == &id)
                .count();
            (record, slices, in_use)
        };
        if in_use > 0 || in_flight {
            return Err(Error::api(
                "DependencyViolation",
                format!(
                    "The subnet '{id}' has dependencies and cannot be deleted: tasks hold {in_use} of its addresses. Stop them first (addresses are freed once tasks are STOPPED)."
                ),
            ));
        }
        if slices.len() >= berth_store::MAX_TXN_OPS {
            return Err(Error::api(
                "DependencyViolation",
                format!(
                    "The subnet '{id}' has {} host slices, more than one deletion can remove.",
                    slices.len()
                ),
            ));
        }
        let subnet_key = keys::subnet(&record.id);
        let mut ops = vec![Op::Delete {
            key: subnet_key.clone(),
        }];
        ops.extend(slices.into_iter().map(|index| Op::Delete {
            key: keys::slice(&id, index),
        }));
        let Some(kv) = self.store.get(&subnet_key).await? else {
            return Err(Error::api(
                "InvalidSubnetID.NotFound",
                format!("The subnet ID '{id}' does not exist"),
            ));
        };
        self.commit(txn(
            vec![Compare::ModRevision {
                key: subnet_key,
                revision: kv.mod_revision,
            }],
            ops,
        ))
        .await?;
        Ok(crate::apis::query::NoOutput)
    }

    pub async fn ec2_create_security_group(
        &self,
        req: CreateSecurityGroupRequest,
    ) -> Result<CreateSecurityGroupResult> {
        check_vpc(req.vpc_id.as_ref())?;
        refuse_given(
            &[("TagSpecification", req.tag_specifications.is_some())],
            "security groups",
        )?;
        let name = req.group_name;
        if name.len() > 255 || name.is_empty() {
            return Err(Error::api(
                "InvalidParameterValue",
                "Value for parameter GroupName is invalid: give 1-255 characters.",
            ));
        }
        if name.starts_with("sg-") {
            return Err(Error::api(
                "InvalidParameterValue",
                format!("Value ({name}) for parameter GroupName is invalid. Group names may not be in the format sg-*."),
            ));
        }
        if self.group_named(&name).is_some() {
            return Err(Error::api(
                "InvalidGroup.Duplicate",
                format!("The security group '{name}' already exists for VPC '{VPC_ID}'"),
            ));
        }
        let record = self
            .create_security_group(&name, &req.description, Vec::new())
            .await?;
        Ok(CreateSecurityGroupResult {
            group_id: Some(record.id.clone()),
            security_group_arn: Some(self.ec2_arn("security-group", &record.id)),
            tags: None,
        })
    }

    pub async fn ec2_describe_security_groups(
        &self,
        req: DescribeSecurityGroupsRequest,
    ) -> Result<DescribeSecurityGroupsResult> {
        let ids = req.group_ids.unwrap_or_default();
        let names = req.group_names.unwrap_or_default();
        check_lookups(&ids, "GroupId")?;
        check_lookups(&names, "GroupName")?;
        if (!ids.is_empty() || !names.is_empty()) && req.max_results.is_some() {
            return Err(Error::api(
                "InvalidParameterCombination",
                "The parameter GroupIds or GroupNames cannot be used with the parameter MaxResults.",
            ));
        }
        let filters = Filters::new(
            req.filters.unwrap_or_default(),
            &[
                "group-id",
                "group-name",
                "vpc-id",
                "description",
                "owner-id",
            ],
        )?;
        let groups = self.security_groups();
        for id in &ids {
            if !groups.iter().any(|g| &g.id == id) {
                return Err(group_not_found(id));
            }
        }
        for name in &names {
            if !groups.iter().any(|g| &g.name == name) {
                return Err(group_not_found(name));
            }
        }
        let account = self.config.scope.account.clone();
        let chosen = groups
            .iter()
            .filter(|g| {
                (ids.is_empty() && names.is_empty())
                    || ids.contains(&g.id)
                    || names.contains(&g.name)
            })
            .filter(|g| {
                filters.matches("group-id", &g.id)
                    && filters.matches("group-name", &g.name)
                    && filters.matches("vpc-id", VPC_ID)
                    && filters.matches("description", &g.description)
                    && filters.matches("owner-id", &account)
            });
        let page = paginate(
            chosen.map(|g| (g.id.clone(), self.ec2_security_group(g))),
            req.max_results,
            req.next_token.as_deref(),
            MAX_PAGE,
            MAX_PAGE,
        )?;
        Ok(DescribeSecurityGroupsResult {
            security_groups: Some(page.items),
            next_token: page.next_token,
        })
    }

    /// Deletes a group that no task that is not STOPPED has (`DependencyViolation`), and
    /// never the `default` group (`CannotDelete`).
    pub async fn ec2_delete_security_group(
        &self,
        req: DeleteSecurityGroupRequest,
    ) -> Result<DeleteSecurityGroupResult> {
        let group = self.find_group(&req.group_id, &req.group_name)?;
        if group.name == DEFAULT_SECURITY_GROUP {
            return Err(Error::api(
                "CannotDelete",
                format!(
                    "the specified group: \"{}\" name: \"default\" cannot be deleted by a user",
                    group.id
                ),
            ));
        }
        let in_use = {
            let view = self.view.read();
            view.tasks.values().any(|entry| {
                !entry.is_stopped()
                    && entry
                        .intent
                        .as_ref()
                        .and_then(|t| t.network.as_ref())
                        .is_some_and(|n| n.security_groups.contains(&group.id))
            })
        } || self
            .pending_networks()
            .iter()
            .any(|(_, n)| n.security_groups.contains(&group.id));
        if in_use {
            return Err(Error::api(
                "DependencyViolation",
                format!("resource {} has a dependent object: tasks that are not STOPPED have this group.", group.id),
            ));
        }
        let key = keys::security_group(&group.id);
        let Some(kv) = self.store.get(&key).await? else {
            return Err(group_not_found(&group.id));
        };
        self.commit(txn(
            vec![Compare::ModRevision {
                key: key.clone(),
                revision: kv.mod_revision,
            }],
            vec![Op::Delete { key }],
        ))
        .await?;
        Ok(DeleteSecurityGroupResult {
            return_: Some(true),
            group_id: Some(group.id),
        })
    }

    pub async fn ec2_authorize_ingress(
        &self,
        req: AuthorizeSecurityGroupIngressRequest,
    ) -> Result<AuthorizeSecurityGroupIngressResult> {
        refuse_given(
            &[("TagSpecification", req.tag_specifications.is_some())],
            "security group rules",
        )?;
        let rules = ingress_rules(
            req.ip_permissions,
            FlatRule {
                protocol: req.ip_protocol,
                from_port: req.from_port,
                to_port: req.to_port,
                cidr: req.cidr_ip,
                source_group_given: req.source_security_group_name.is_some()
                    || req.source_security_group_owner_id.is_some(),
            },
        )?;
        let group = self.find_group(&req.group_id, &req.group_name)?;
        self.change_ingress(&group.id, |ingress| {
            for wanted in &rules {
                if ingress.contains(wanted) {
                    return Err(Error::api(
                        "InvalidPermission.Duplicate",
                        format!("the specified rule \"{}\" already exists", describe_rule(wanted)),
                    ));
                }
                ingress.push(wanted.clone());
            }
            if ingress.len() > MAX_INGRESS_RULES {
                return Err(Error::api(
                    "RulesPerSecurityGroupLimitExceeded",
                    format!("The maximum number of rules per security group ({MAX_INGRESS_RULES}) has been reached."),
                ));
            }
            Ok(())
        })
        .await?;
        Ok(AuthorizeSecurityGroupIngressResult {
            return_: Some(true),
            security_group_rules: None,
        })
    }

    pub async fn ec2_revoke_ingress(
        &self,
        req: RevokeSecurityGroupIngressRequest,
    ) -> Result<RevokeSecurityGroupIngressResult> {
        refuse_given(
            &[("SecurityGroupRuleId", req.security_group_rule_ids.is_some())],
            "security group rules",
        )?;
        let rules = ingress_rules(
            req.ip_permissions,
            FlatRule {
                protocol: req.ip_protocol,
                from_port: req.from_port,
                to_port: req.to_port,
                cidr: req.cidr_ip,
                source_group_given: req.source_security_group_name.is_some()
                    || req.source_security_group_owner_id.is_some(),
            },
        )?;
        let group = self.find_group(&req.group_id, &req.group_name)?;
        self.change_ingress(&group.id, |ingress| {
            for unwanted in &rules {
                let Some(at) = ingress.iter().position(|r| r == unwanted) else {
                    return Err(Error::api(
                        "InvalidPermission.NotFound",
                        format!(
                            "The specified rule \"{}\" does not exist in this security group.",
                            describe_rule(unwanted)
                        ),
                    ));
                };
                ingress.remove(at);
            }
            Ok(())
        })
        .await?;
        Ok(RevokeSecurityGroupIngressResult {
            return_: Some(true),
            unknown_ip_permissions: None,
            revoked_security_group_rules: None,
        })
    }

    /// Rewrites a group's ingress with `change`, guarded by the record's revision.
    async fn change_ingress(
        &self,
        id: &str,
        change: impl FnOnce(&mut Vec<IngressRule>) -> Result<()>,
    ) -> Result<()> {
        let key = keys::security_group(id);
        let Some(kv) = self.store.get(&key).await? else {
            return Err(group_not_found(id));
        };
        let mut record: SecurityGroupRecord =
            serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
        change(&mut record.ingress)?;
        check_ingress(&record.ingress).map_err(|e| Error::api("InvalidParameterValue", e.0))?;
        self.commit(txn(
            vec![Compare::ModRevision {
                key: key.clone(),
                revision: kv.mod_revision,
            }],
            vec![put_json(key, &record)?],
        ))
        .await?;
        Ok(())
    }

    fn group_named(&self, name: &str) -> Option<SecurityGroupRecord> {
        self.view
            .read()
            .network
            .security_groups
            .values()
            .find(|g| g.name == name)
            .cloned()
    }

    /// The group a request names by `GroupId` or `GroupName`.
    fn find_group(
        &self,
        id: &Option<String>,
        name: &Option<String>,
    ) -> Result<SecurityGroupRecord> {
        match (id, name) {
            (Some(id), _) => {
                check_id("sg", id, "InvalidGroupId.Malformed")?;
                self.view
                    .read()
                    .network
                    .security_groups
                    .get(id)
                    .cloned()
                    .ok_or_else(|| group_not_found(id))
            }
            (None, Some(name)) => self.group_named(name).ok_or_else(|| group_not_found(name)),
            (None, None) => Err(Error::api(
                "MissingParameter",
                "The request must contain the parameter GroupId or GroupName.",
            )),
        }
    }

    fn ec2_subnet(&self, record: &SubnetRecord) -> Subnet {
        let held = self
            .view
            .read()
            .network
            .addresses
            .keys()
            .filter(|(subnet, _)| subnet == &record.id)
            .count();
        // Each host slice loses its network, gateway and broadcast addresses.
        let per_slice = (1u64 << (32 - u32::from(record.host_prefix))).saturating_sub(3);
        let capacity = per_slice * u64::from(record.slice_count());
        let available = capacity.saturating_sub(held as u64).min(i32::MAX as u64) as i32;
        Subnet {
            subnet_id: Some(record.id.clone()),
            subnet_arn: Some(self.ec2_arn("subnet", &record.id)),
            vpc_id: Some(VPC_ID.into()),
            cidr_block: Some(record.cidr.clone()),
            state: Some(SubnetState::Available),
            available_ip_address_count: Some(available),
            owner_id: Some(self.config.scope.account.clone()),
            default_for_az: Some(false),
            map_public_ip_on_launch: Some(false),
            assign_ipv6_address_on_creation: Some(false),
            tags: Some(vec![Tag {
                key: Some("Name".into()),
                value: Some(record.name.clone()),
            }]),
            ..Default::default()
        }
    }

    fn ec2_security_group(&self, record: &SecurityGroupRecord) -> SecurityGroup {
        SecurityGroup {
            group_id: Some(record.id.clone()),
            group_name: Some(record.name.clone()),
            description: Some(record.description.clone()),
            vpc_id: Some(VPC_ID.into()),
            owner_id: Some(self.config.scope.account.clone()),
            security_group_arn: Some(self.ec2_arn("security-group", &record.id)),
            ip_permissions: Some(ip_permissions(&record.ingress)),
            ip_permissions_egress: Some(vec![IpPermission {
                ip_protocol: Some("-1".into()),
                ip_ranges: Some(vec![IpRange {
                    cidr_ip: Some("0.0.0.0/0".into()),
                    description: None,
                }]),
                ..Default::default()
            }]),
            tags: None,
        }
    }
}

/// The legacy single rule of Authorize/RevokeSecurityGroupIngress (`IpProtocol`,
/// `FromPort`, `ToPort`, `CidrIp`), and whether it named a source group instead
/// (`SourceSecurityGroupName`/`OwnerId`, which berth refuses).
struct FlatRule {
    protocol: Option<String>,
    from_port: Option<i32>,
    to_port: Option<i32>,
    cidr: Option<String>,
    source_group_given: bool,
}

/// The rules a request gives, as berth's ingress rules; what berth cannot filter on is
/// refused naming the parameter.
fn ingress_rules(
    permissions: Option<Vec<IpPermission>>,
    flat: FlatRule,
) -> Result<Vec<IngressRule>> {
    refuse_given(
        &[(
            "SourceSecurityGroupName/SourceSecurityGroupOwnerId",
            flat.source_group_given,
        )],
        "security group rules (they name a source IPv4 CIDR)",
    )?;
    let flat_given = flat.protocol.is_some()
        || flat.from_port.is_some()
        || flat.to_port.is_some()
        || flat.cidr.is_some();
    let permissions = permissions.unwrap_or_default();
    if flat_given && !permissions.is_empty() {
        return Err(Error::api(
            "InvalidParameterCombination",
            "Give either IpPermissions or IpProtocol/FromPort/ToPort/CidrIp, not both.",
        ));
    }
    let mut rules = Vec::new();
    if flat_given {
        let Some(cidr) = flat.cidr else {
            return Err(Error::api(
                "MissingParameter",
                "The request must contain the parameter CidrIp (berth's rules name a source IPv4 CIDR; source groups are not supported).",
            ));
        };
        let protocol = flat.protocol.ok_or_else(|| {
            Error::api(
                "MissingParameter",
                "The request must contain the parameter IpProtocol.",
            )
        })?;
        rules.push(rule(&protocol, flat.from_port, flat.to_port, &cidr, "")?);
    }
    for (n, permission) in permissions.iter().enumerate() {
        let at = format!("IpPermissions.{}", n + 1);
        let refused = [
            (
                "Groups",
                permission
                    .user_id_group_pairs
                    .as_ref()
                    .is_some_and(|g| !g.is_empty()),
            ),
            (
                "Ipv6Ranges",
                permission
                    .ipv6_ranges
                    .as_ref()
                    .is_some_and(|r| !r.is_empty()),
            ),
            (
                "PrefixListIds",
                permission
                    .prefix_list_ids
                    .as_ref()
                    .is_some_and(|p| !p.is_empty()),
            ),
        ];
        for (field, given) in refused {
            if given {
                return Err(Error::api(
                    "InvalidParameterValue",
                    format!("{at}.{field} is not supported by berth: its security group rules name a source IPv4 CIDR (IpRanges)."),
                ));
            }
        }
        let protocol = permission.ip_protocol.as_deref().ok_or_else(|| {
            Error::api(
                "MissingParameter",
                format!("The request must contain the parameter {at}.IpProtocol."),
            )
        })?;
        let ranges = permission.ip_ranges.as_deref().unwrap_or_default();
        if ranges.is_empty() {
            return Err(Error::api(
                "MissingParameter",
                format!("{at} must have at least one IpRanges entry (berth's rules name a source IPv4 CIDR)."),
            ));
        }
        for (r, range) in ranges.iter().enumerate() {
            let range_at = format!("{at}.IpRanges.{}", r + 1);
            if range.description.is_some() {
                return Err(Error::api(
                    "InvalidParameterValue",
                    format!("{range_at}.Description is not supported by berth: its rules keep no descriptions."),
                ));
            }
            let cidr = range.cidr_ip.as_deref().ok_or_else(|| {
                Error::api(
                    "MissingParameter",
                    format!("The request must contain the parameter {range_at}.CidrIp."),
                )
            })?;
            rules.push(rule(
                protocol,
                permission.from_port,
                permission.to_port,
                cidr,
                &at,
            )?);
        }
    }
    if rules.is_empty() {
        return Err(Error::api(
            "MissingParameter",
            "The request must contain IpPermissions or IpProtocol and CidrIp.",
        ));
    }
    Ok(rules)
}

/// One ingress rule: EC2's protocol names and numbers (`tcp`/`6`, `udp`/`17`,
/// `icmp`/`1`, `-1`), a port range for tcp and udp, ICMP only as all types (`-1`).
fn rule(
    protocol: &str,
    from: Option<i32>,
    to: Option<i32>,
    cidr: &str,
    at: &str,
) -> Result<IngressRule> {
    let field = |name: &str| {
        if at.is_empty() {
            name.to_owned()
        } else {
            format!("{at}.{name}")
        }
    };
    let protocol = match protocol.to_ascii_lowercase().as_str() {
        "tcp" | "6" => "tcp",
        "udp" | "17" => "udp",
        "icmp" | "1" => "icmp",
        "-1" | "all" => "-1",
        other => {
            return Err(Error::api(
                "InvalidParameterValue",
                format!(
                    "Invalid value '{other}' for {}: berth filters tcp, udp, icmp and -1 (all).",
                    field("IpProtocol")
                ),
            ))
        }
    };
    let (from_port, to_port) = match protocol {
        "tcp" | "udp" => {
            let (Some(from), Some(to)) = (from, to) else {
                return Err(Error::api(
                    "MissingParameter",
                    format!(
                        "A {protocol} rule must contain {} and {}.",
                        field("FromPort"),
                        field("ToPort")
                    ),
                ));
            };
            let port = |value: i32, name: &str| {
                u16::try_from(value).ok().filter(|p| *p > 0).ok_or_else(|| {
                    Error::api(
                        "InvalidParameterValue",
                        format!(
                            "Invalid value '{value}' for {}: give a port from 1 to 65535.",
                            field(name)
                        ),
                    )
                })
            };
            (port(from, "FromPort")?, port(to, "ToPort")?)
        }
        "icmp" => {
            if from.is_some_and(|p| p != -1) || to.is_some_and(|p| p != -1) {
                return Err(Error::api(
                    "InvalidParameterValue",
                    format!("{} and {} of an icmp rule must be -1: berth admits all ICMP types or none.", field("FromPort"), field("ToPort")),
                ));
            }
            (0, 0)
        }
        _ => (0, 0),
    };
    Ok(IngressRule {
        protocol: protocol.to_owned(),
        from_port,
        to_port,
        cidr: cidr.to_owned(),
    })
}

/// berth's rules as EC2's permissions: one per protocol and port range, with its CIDRs.
fn ip_permissions(ingress: &[IngressRule]) -> Vec<IpPermission> {
    let mut grouped: BTreeMap<(String, u16, u16), Vec<String>> = BTreeMap::new();
    for rule in ingress {
        grouped
            .entry((rule.protocol.clone(), rule.from_port, rule.to_port))
            .or_default()
            .push(rule.cidr.clone());
    }
    grouped
        .into_iter()
        .map(|((protocol, from, to), cidrs)| {
            let ports = match protocol.as_str() {
                "tcp" | "udp" => (Some(i32::from(from)), Some(i32::from(to))),
                "icmp" => (Some(-1), Some(-1)),
                _ => (None, None),
            };
            IpPermission {
                ip_protocol: Some(protocol),
                from_port: ports.0,
                to_port: ports.1,
                ip_ranges: Some(
                    cidrs
                        .into_iter()
                        .map(|cidr| IpRange {
                            cidr_ip: Some(cidr),
                            description: None,
                        })
                        .collect(),
                ),
                user_id_group_pairs: Some(Vec::new()),
                ipv6_ranges: Some(Vec::new()),
                prefix_list_ids: Some(Vec::new()),
            }
        })
        .collect()
}

/// A rule as EC2 words it in its errors.
fn describe_rule(rule: &IngressRule) -> String {
    let protocol = match rule.protocol.as_str() {
        "-1" => "ALL".to_owned(),
        other => other.to_ascii_uppercase(),
    };
    format!(
        "peer: {}, {protocol}, from port: {}, to port: {}, ALLOW",
        rule.cidr, rule.from_port, rule.to_port
    )
}

/// Describe filters: each named filter matches when the value is one of its values (`*`
/// and `?` wildcards, as EC2). Unknown filter names are refused.
struct Filters(Vec<(String, Vec<String>)>);

impl Filters {
    fn new(filters: Vec<Filter>, known: &[&str]) -> Result<Self> {
        if filters.len() > MAX_LOOKUPS {
            return Err(Error::api(
                "InvalidParameterValue",
                format!("At most {MAX_LOOKUPS} filters can be given."),
            ));
        }
        let mut out = Vec::new();
        for (n, filter) in filters.into_iter().enumerate() {
            let name = filter.name.unwrap_or_default();
            if !known.contains(&name.as_str()) {
                return Err(Error::api(
                    "InvalidParameterValue",
                    format!(
                        "The filter '{name}' (Filter.{}) is invalid: berth filters on {}.",
                        n + 1,
                        known.join(", ")
                    ),
                ));
            }
            let values = filter.values.unwrap_or_default();
            check_lookups(&values, "Filter.N.Value")?;
            out.push((name, values));
        }
        Ok(Filters(out))
    }

    fn matches(&self, name: &str, value: &str) -> bool {
        self.0
            .iter()
            .filter(|(n, _)| n == name)
            .all(|(_, values)| values.iter().any(|pattern| wildcard(pattern, value)))
    }
}

/// EC2's filter wildcards: `*` any run, `?` any one character.
fn wildcard(pattern: &str, value: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let v: Vec<char> = value.chars().collect();
    let (mut pi, mut vi, mut star, mut mark) = (0, 0, None, 0);
    while vi < v.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == v[vi]) {
            pi += 1;
            vi += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = vi;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            vi = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

fn check_vpc(vpc: Option<&String>) -> Result<()> {
    match vpc {
        Some(vpc) if vpc != VPC_ID => Err(Error::api(
            "InvalidVpcID.NotFound",
            format!("The vpc ID '{vpc}' does not exist: berth has one VPC, {VPC_ID}."),
        )),
        _ => Ok(()),
    }
}

fn check_id(prefix: &str, id: &str, code: &'static str) -> Result<()> {
    if is_resource_id(prefix, id) {
        return Ok(());
    }
    Err(Error::api(
        code,
        format!("Invalid id: \"{id}\" (expecting \"{prefix}-...\")"),
    ))
}

fn check_lookups(values: &[String], what: &str) -> Result<()> {
    if values.len() > MAX_LOOKUPS {
        return Err(Error::api(
            "InvalidParameterValue",
            format!(
                "At most {MAX_LOOKUPS} values of {what} can be given; {} were.",
                values.len()
            ),
        ));
    }
    Ok(())
}

/// Refuses the parameters berth does not support for `what` that the request gives.
fn refuse_given(params: &[(&str, bool)], what: &str) -> Result<()> {
    match params.iter().find(|(_, given)| *given) {
        Some((name, _)) => Err(Error::api(
            "InvalidParameterValue",
            format!("The parameter {name} is not supported by berth for {what}; remove it."),
        )),
        None => Ok(()),
    }
}

fn group_not_found(group: &str) -> Error {
    Error::api(
        "InvalidGroup.NotFound",
        format!("The security group '{group}' does not exist"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_match_as_ec2() {
        assert!(wildcard("10.1.*", "10.1.0.0/16"));
        assert!(wildcard("sg-????", "sg-abcd"));
        assert!(!wildcard("sg-???", "sg-abcd"));
        assert!(wildcard("*", ""));
        assert!(!wildcard("web", "web2"));
    }

    #[test]
    fn rules_take_ec2_protocols_and_refuse_what_berth_cannot_filter() {
        let tcp = rule("6", Some(80), Some(81), "10.0.0.0/8", "").unwrap();
        assert_eq!(
            (tcp.protocol.as_str(), tcp.from_port, tcp.to_port),
            ("tcp", 80, 81)
        );
        assert_eq!(
            rule("-1", None, None, "0.0.0.0/0", "").unwrap().protocol,
            "-1"
        );
        assert!(rule("icmp", Some(8), Some(0), "0.0.0.0/0", "").is_err());
        assert!(rule("tcp", None, Some(80), "0.0.0.0/0", "").is_err());
        assert!(rule("gre", None, None, "0.0.0.0/0", "").is_err());
        let groups = IpPermission {
            ip_protocol: Some("tcp".into()),
            from_port: Some(80),
            to_port: Some(80),
            user_id_group_pairs: Some(vec![UserIdGroupPair {
                group_id: Some("sg-12345678".into()),
                ..Default::default()
            }]),
            ..Default::default()
        };
        let none = FlatRule {
            protocol: None,
            from_port: None,
            to_port: None,
            cidr: None,
            source_group_given: false,
        };
        let err = ingress_rules(Some(vec![groups]), none).unwrap_err();
        assert!(err.to_string().contains("IpPermissions.1.Groups"), "{err}");
    }

    #[test]
    fn permissions_group_cidrs_by_protocol_and_ports() {
        let rules = [
            rule("tcp", Some(80), Some(80), "10.0.0.0/8", "").unwrap(),
            rule("tcp", Some(80), Some(80), "192.168.0.0/16", "").unwrap(),
            rule("-1", None, None, "0.0.0.0/0", "").unwrap(),
        ];
        let permissions = ip_permissions(&rules);
        assert_eq!(permissions.len(), 2);
        let web = permissions
            .iter()
            .find(|p| p.ip_protocol.as_deref() == Some("tcp"))
            .unwrap();
        assert_eq!(web.ip_ranges.as_ref().unwrap().len(), 2);
        let all = permissions
            .iter()
            .find(|p| p.ip_protocol.as_deref() == Some("-1"))
            .unwrap();
        assert_eq!(all.from_port, None);
    }
}
