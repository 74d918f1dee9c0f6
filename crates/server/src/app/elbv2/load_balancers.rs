//! Load balancers: CreateLoadBalancer, DescribeLoadBalancers, DeleteLoadBalancer,
//! DescribeLoadBalancerAttributes and ModifyLoadBalancerAttributes.
//!
//! berth serves `application` and `network` load balancers, IPv4 only, with no VPC: the
//! members about subnets, security groups, address pools and IPAM are refused. A load
//! balancer is `provisioning` until the data plane serving it reports it `active` (see
//! `dataplane.rs`), so the `load-balancer-available` waiter waits for listeners that can
//! actually be reached.

use berth_api::elbv2::{
    AvailabilityZone, CreateLoadBalancerInput, CreateLoadBalancerOutput, DeleteLoadBalancerInput,
    DeleteLoadBalancerOutput, DescribeLoadBalancerAttributesInput,
    DescribeLoadBalancerAttributesOutput, DescribeLoadBalancersInput, DescribeLoadBalancersOutput,
    IpAddressType, LoadBalancer, LoadBalancerAttribute, LoadBalancerSchemeEnum, LoadBalancerState,
    LoadBalancerStateEnum, LoadBalancerTypeEnum, ModifyLoadBalancerAttributesInput,
    ModifyLoadBalancerAttributesOutput,
};
use berth_store::Op;

use super::attributes::{load_balancer_attributes, modify_load_balancer_attributes};
use super::records::LoadBalancerRecord;
use super::{
    check_name, check_named, check_tags, elb_error, new_id, page, validation, Change, Elbv2Arn,
    Elbv2Index, Lookup, MAX_LOAD_BALANCERS,
};
use crate::app::App;
use crate::error::Result;
use crate::model::{keys, now};

/// Refuses a list member berth cannot apply, when it has elements.
fn refuse_list<T>(member: &str, value: &Option<Vec<T>>, why: &str) -> Result<()> {
    match value {
        Some(items) if !items.is_empty() => {
            Err(validation(format!("{member} is not supported: {why}")))
        }
        _ => Ok(()),
    }
}

impl App {
    pub async fn create_load_balancer(
        &self,
        req: CreateLoadBalancerInput,
    ) -> Result<CreateLoadBalancerOutput> {
        check_name("load balancer", &req.name)?;
        if req.name.starts_with("internal-") {
            return Err(validation(format!(
                "The load balancer name '{}' cannot begin with 'internal-'.",
                req.name
            )));
        }
        const NO_VPC: &str = "berth's load balancers run on the berth host, with no VPC.";
        refuse_list("Subnets", &req.subnets, NO_VPC)?;
        refuse_list("SubnetMappings", &req.subnet_mappings, NO_VPC)?;
        refuse_list("SecurityGroups", &req.security_groups, NO_VPC)?;
        super::refuse_if_set(
            "CustomerOwnedIpv4Pool",
            &req.customer_owned_ipv4_pool,
            NO_VPC,
        )?;
        super::refuse_if_set("IpamPools", &req.ipam_pools, NO_VPC)?;
        super::refuse_if_set(
            "EnablePrefixForIpv6SourceNat",
            &req.enable_prefix_for_ipv6_source_nat,
            "berth's load balancers have no UDP listeners or IPv6 source NAT.",
        )?;
        let kind = req.type_.unwrap_or(LoadBalancerTypeEnum::Application);
        if kind == LoadBalancerTypeEnum::Gateway {
            return Err(validation(
                "Gateway Load Balancers are not supported: berth serves application and network load balancers.",
            ));
        }
        let scheme = req.scheme.unwrap_or(LoadBalancerSchemeEnum::InternetFacing);
        let ip_address_type = req.ip_address_type.unwrap_or(IpAddressType::Ipv4);
        if ip_address_type != IpAddressType::Ipv4 {
            return Err(validation(format!(
                "IpAddressType '{ip_address_type}' is not supported: berth's load balancers listen on IPv4 only."
            )));
        }
        let tags = req.tags.clone().unwrap_or_default();
        check_tags(&tags)?;
        let id = new_id();
        let created_at = now();
        let output = self
            .elbv2_change(|view| {
                let index = &view.elbv2;
                if let Some(existing) = index.load_balancers.get(&req.name) {
                    let old = &existing.record;
                    // CreateLoadBalancer is idempotent: the same settings get the same
                    // load balancer back.
                    if old.kind == kind
                        && old.scheme == scheme
                        && old.ip_address_type == ip_address_type
                        && old.tags == tags
                    {
                        return Ok(Change::none(self.render_load_balancer(index, old)));
                    }
                    return Err(elb_error(
                        "DuplicateLoadBalancerName",
                        format!(
                            "A load balancer named '{}' already exists with other settings.",
                            req.name
                        ),
                    ));
                }
                if index.load_balancers.len() >= MAX_LOAD_BALANCERS {
                    return Err(elb_error(
                        "TooManyLoadBalancers",
                        format!("An account can have at most {MAX_LOAD_BALANCERS} load balancers."),
                    ));
                }
                let record = LoadBalancerRecord {
                    arn: self.load_balancer_arn(kind, &req.name, &id),
                    id: id.clone(),
                    name: req.name.clone(),
                    kind,
                    scheme,
                    ip_address_type,
                    attributes: Default::default(),
                    tags: tags.clone(),
                    created_at,
                };
                let answer = self.render_load_balancer(index, &record);
                Change::create(keys::elbv2_load_balancer(&req.name), &record, answer)
            })
            .await?;
        Ok(CreateLoadBalancerOutput {
            load_balancers: Some(vec![output]),
        })
    }

    pub async fn describe_load_balancers(
        &self,
        req: DescribeLoadBalancersInput,
    ) -> Result<DescribeLoadBalancersOutput> {
        let arns = req.load_balancer_arns.unwrap_or_default();
        let names = req.names.unwrap_or_default();
        if !arns.is_empty() && !names.is_empty() {
            return Err(validation(
                "Give either LoadBalancerArns or Names, not both.",
            ));
        }
        check_named("load balancers", arns.len().max(names.len()))?;
        let view = self.view.read();
        let lookup = Lookup::new(self, &view);
        let index = &view.elbv2;
        let mut found: Vec<&LoadBalancerRecord> = Vec::new();
        if !arns.is_empty() {
            for arn in &arns {
                found.push(&lookup.load_balancer(arn)?.record);
            }
        } else if !names.is_empty() {
            for name in &names {
                let lb = index.load_balancers.get(name).ok_or_else(|| {
                    elb_error(
                        "LoadBalancerNotFound",
                        format!("Load balancer '{name}' not found."),
                    )
                })?;
                found.push(&lb.record);
            }
        } else {
            found.extend(index.load_balancers.values().map(|lb| &lb.record));
        }
        let items = found
            .into_iter()
            .map(|lb| (lb.name.clone(), self.render_load_balancer(index, lb)));
        let (load_balancers, next_marker) = page(items, req.page_size, req.marker.as_deref())?;
        Ok(DescribeLoadBalancersOutput {
            load_balancers: Some(load_balancers),
            next_marker,
        })
    }

    /// Deletes a load balancer with its listeners and rules. A load balancer that does not
    /// exist is already deleted: the call succeeds, as ELBv2's does.
    pub async fn delete_load_balancer(
        &self,
        req: DeleteLoadBalancerInput,
    ) -> Result<DeleteLoadBalancerOutput> {
        let arn = req.load_balancer_arn;
        if !matches!(
            self.parse_elbv2_arn(&arn),
            Some(Elbv2Arn::LoadBalancer { .. })
        ) {
            return Err(validation(format!(
                "'{arn}' is not a valid load balancer ARN."
            )));
        }
        self.elbv2_change(|view| {
            let lookup = Lookup::new(self, view);
            let lb = match lookup.load_balancer(&arn) {
                Ok(lb) => &lb.record,
                Err(_) => return Ok(Change::none(())),
            };
            if lb.attributes.get("deletion_protection.enabled").map(String::as_str) == Some("true")
            {
                return Err(elb_error(
                    "OperationNotPermitted",
                    format!(
                        "Load balancer '{arn}' cannot be deleted because deletion protection is enabled; set deletion_protection.enabled to false first."
                    ),
                ));
            }
            Ok(Change::delete(
                keys::elbv2_load_balancer(&lb.name),
                vec![
                    Op::Delete {
                        key: keys::elbv2_load_balancer_state(&lb.name),
                    },
                    Op::DeletePrefix {
                        prefix: keys::elbv2_listeners_of(&lb.name),
                    },
                    Op::DeletePrefix {
                        prefix: keys::elbv2_rules_of_load_balancer(&lb.name),
                    },
                ],
                (),
            ))
        })
        .await?;
        Ok(DeleteLoadBalancerOutput {})
    }

    pub async fn describe_load_balancer_attributes(
        &self,
        req: DescribeLoadBalancerAttributesInput,
    ) -> Result<DescribeLoadBalancerAttributesOutput> {
        let view = self.view.read();
        let lb = &Lookup::new(self, &view)
            .load_balancer(&req.load_balancer_arn)?
            .record;
        Ok(DescribeLoadBalancerAttributesOutput {
            attributes: Some(render_attributes(lb)),
        })
    }

    pub async fn modify_load_balancer_attributes(
        &self,
        req: ModifyLoadBalancerAttributesInput,
    ) -> Result<ModifyLoadBalancerAttributesOutput> {
        let changes: Vec<_> = req
            .attributes
            .iter()
            .map(|a| (a.key.clone(), a.value.clone()))
            .collect();
        let attributes = self
            .elbv2_change(|view| {
                let lb = &Lookup::new(self, view)
                    .load_balancer(&req.load_balancer_arn)?
                    .record;
                let set =
                    modify_load_balancer_attributes(lb.kind, lb.scheme, &lb.attributes, &changes)?;
                let record = LoadBalancerRecord {
                    attributes: set,
                    ..lb.clone()
                };
                let answer = render_attributes(&record);
                Change::update(keys::elbv2_load_balancer(&lb.name), lb, &record, answer)
            })
            .await?;
        Ok(ModifyLoadBalancerAttributesOutput {
            attributes: Some(attributes),
        })
    }

    /// The `DNSName` of a load balancer: where its listeners can be reached.
    pub(crate) fn load_balancer_dns_name(&self, lb: &LoadBalancerRecord) -> String {
        match lb.scheme {
            LoadBalancerSchemeEnum::Internal => "127.0.0.1".to_owned(),
            LoadBalancerSchemeEnum::InternetFacing => self.config.elbv2.dns_name.clone(),
        }
    }

    /// The state shown for a load balancer: what its data plane last reported, else
    /// `provisioning`.
    pub(crate) fn load_balancer_state(
        index: &Elbv2Index,
        lb: &LoadBalancerRecord,
    ) -> LoadBalancerState {
        match index
            .load_balancer_states
            .get(&lb.name)
            .filter(|s| s.load_balancer_id == lb.id)
        {
            Some(state) => LoadBalancerState {
                code: Some(state.code),
                reason: state.reason.clone(),
            },
            None => LoadBalancerState {
                code: Some(LoadBalancerStateEnum::Provisioning),
                reason: None,
            },
        }
    }

    pub(crate) fn render_load_balancer(
        &self,
        index: &Elbv2Index,
        lb: &LoadBalancerRecord,
    ) -> LoadBalancer {
        LoadBalancer {
            load_balancer_arn: Some(lb.arn.clone()),
            dns_name: Some(self.load_balancer_dns_name(lb)),
            created_time: Some(lb.created_at),
            load_balancer_name: Some(lb.name.clone()),
            scheme: Some(lb.scheme),
            state: Some(Self::load_balancer_state(index, lb)),
            type_: Some(lb.kind),
            availability_zones: Some(Vec::<AvailabilityZone>::new()),
            ip_address_type: Some(lb.ip_address_type),
            ..Default::default()
        }
    }
}

fn render_attributes(lb: &LoadBalancerRecord) -> Vec<LoadBalancerAttribute> {
    load_balancer_attributes(lb.kind, lb.scheme, &lb.attributes)
        .into_iter()
        .map(|(key, value)| LoadBalancerAttribute {
            key: Some(key),
            value: Some(value),
        })
        .collect()
}
