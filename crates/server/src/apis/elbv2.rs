//! The ELBv2 API's dispatch: its operation table (the actions berth serves, each calling
//! one app method in `app/elbv2/`), and what each action needs permission for.
//!
//! Permissions follow the AWS Service Authorization Reference for Elastic Load Balancing
//! V2: Describe actions take no resource (`*`); the others act on the load balancer,
//! listener, rule or target group they name, with `elasticloadbalancing:ResourceTag/KEY`
//! for its tags. Tags given to a create call also need `elasticloadbalancing:AddTags` (with
//! `elasticloadbalancing:CreateAction`), and tag changes carry `aws:RequestTag/KEY` and
//! `aws:TagKeys`. A create call's resource is the ARN it will have, with `*` for the ID
//! that is not chosen yet.

use berth_api::elbv2::*;

use super::Api;
use crate::app::App;
use crate::identity::Access;

crate::query_operations! {
    /// A parsed ELBv2 request.
    Elbv2Command, ELBV2_OPERATIONS, Api::Elbv2, "elasticloadbalancing";
    CreateLoadBalancer(CreateLoadBalancerInput) => create_load_balancer;
    DescribeLoadBalancers(DescribeLoadBalancersInput) => describe_load_balancers;
    DeleteLoadBalancer(DeleteLoadBalancerInput) => delete_load_balancer;
    DescribeLoadBalancerAttributes(DescribeLoadBalancerAttributesInput) => describe_load_balancer_attributes;
    ModifyLoadBalancerAttributes(ModifyLoadBalancerAttributesInput) => modify_load_balancer_attributes;
    CreateTargetGroup(CreateTargetGroupInput) => create_target_group;
    DescribeTargetGroups(DescribeTargetGroupsInput) => describe_target_groups;
    ModifyTargetGroup(ModifyTargetGroupInput) => modify_target_group;
    DeleteTargetGroup(DeleteTargetGroupInput) => delete_target_group;
    DescribeTargetGroupAttributes(DescribeTargetGroupAttributesInput) => describe_target_group_attributes;
    ModifyTargetGroupAttributes(ModifyTargetGroupAttributesInput) => modify_target_group_attributes;
    CreateListener(CreateListenerInput) => create_listener;
    DescribeListeners(DescribeListenersInput) => describe_listeners;
    ModifyListener(ModifyListenerInput) => modify_listener;
    DeleteListener(DeleteListenerInput) => delete_listener;
    CreateRule(CreateRuleInput) => create_rule;
    DescribeRules(DescribeRulesInput) => describe_rules;
    ModifyRule(ModifyRuleInput) => modify_rule;
    DeleteRule(DeleteRuleInput) => delete_rule;
    SetRulePriorities(SetRulePrioritiesInput) => set_rule_priorities;
    RegisterTargets(RegisterTargetsInput) => register_targets;
    DeregisterTargets(DeregisterTargetsInput) => deregister_targets;
    DescribeTargetHealth(DescribeTargetHealthInput) => describe_target_health;
    AddTags(AddTagsInput) => elbv2_add_tags;
    RemoveTags(RemoveTagsInput) => elbv2_remove_tags;
    DescribeTags(DescribeTagsInput) => elbv2_describe_tags;
}

/// `elasticloadbalancing:ACTION`.
fn action(name: &str) -> String {
    format!("elasticloadbalancing:{name}")
}

impl Elbv2Command {
    /// What the call needs permission for.
    pub fn access(&self, app: &App) -> Vec<Access> {
        use Elbv2Command::*;
        let name = self.name();
        let on = |arn: &str| app.elbv2_access(&action(name), arn);
        match self {
            DescribeLoadBalancers(_)
            | DescribeLoadBalancerAttributes(_)
            | DescribeTargetGroups(_)
            | DescribeTargetGroupAttributes(_)
            | DescribeListeners(_)
            | DescribeRules(_)
            | DescribeTargetHealth(_)
            | DescribeTags(_) => vec![Access::new(action(name), "*")],
            CreateLoadBalancer(req) => {
                let kind = match req.type_ {
                    Some(LoadBalancerTypeEnum::Network) => "net",
                    _ => "app",
                };
                let arn = format!(
                    "{}loadbalancer/{kind}/{}/*",
                    app.elbv2_arn_prefix(),
                    req.name
                );
                creation(name, &arn, req.tags.as_deref())
            }
            CreateTargetGroup(req) => {
                let arn = format!("{}targetgroup/{}/*", app.elbv2_arn_prefix(), req.name);
                creation(name, &arn, req.tags.as_deref())
            }
            CreateListener(req) => {
                let mut accesses = vec![on(&req.load_balancer_arn)];
                if let Some(tags) = req.tags.as_deref().filter(|t| !t.is_empty()) {
                    let listener =
                        req.load_balancer_arn
                            .replacen(":loadbalancer/", ":listener/", 1);
                    accesses.push(tagging(
                        "AddTags",
                        &format!("{listener}/*"),
                        tags,
                        Some(name),
                    ));
                }
                accesses
            }
            CreateRule(req) => {
                let mut accesses = vec![on(&req.listener_arn)];
                if let Some(tags) = req.tags.as_deref().filter(|t| !t.is_empty()) {
                    let rule = req
                        .listener_arn
                        .replacen(":listener/", ":listener-rule/", 1);
                    accesses.push(tagging("AddTags", &format!("{rule}/*"), tags, Some(name)));
                }
                accesses
            }
            DeleteLoadBalancer(req) => vec![on(&req.load_balancer_arn)],
            ModifyLoadBalancerAttributes(req) => vec![on(&req.load_balancer_arn)],
            ModifyTargetGroup(req) => vec![on(&req.target_group_arn)],
            DeleteTargetGroup(req) => vec![on(&req.target_group_arn)],
            ModifyTargetGroupAttributes(req) => vec![on(&req.target_group_arn)],
            RegisterTargets(req) => vec![on(&req.target_group_arn)],
            DeregisterTargets(req) => vec![on(&req.target_group_arn)],
            ModifyListener(req) => vec![on(&req.listener_arn)],
            DeleteListener(req) => vec![on(&req.listener_arn)],
            ModifyRule(req) => vec![on(&req.rule_arn)],
            DeleteRule(req) => vec![on(&req.rule_arn)],
            SetRulePriorities(req) => req
                .rule_priorities
                .iter()
                .filter_map(|p| p.rule_arn.as_deref())
                .map(on)
                .collect(),
            AddTags(req) => req
                .resource_arns
                .iter()
                .map(|arn| {
                    let mut access = on(arn);
                    add_request_tags(&mut access, &req.tags);
                    access
                })
                .collect(),
            RemoveTags(req) => req
                .resource_arns
                .iter()
                .map(|arn| {
                    let mut access = on(arn);
                    for key in &req.tag_keys {
                        access.context.push(("aws:TagKeys".into(), key.clone()));
                    }
                    access
                })
                .collect(),
        }
    }
}

/// A create call's accesses: the action on the new resource, and AddTags for its tags.
fn creation(name: &str, arn: &str, tags: Option<&[Tag]>) -> Vec<Access> {
    let mut create = Access::new(action(name), arn);
    let tags = tags.unwrap_or_default();
    add_request_tags(&mut create, tags);
    let mut accesses = vec![create];
    if !tags.is_empty() {
        accesses.push(tagging("AddTags", arn, tags, Some(name)));
    }
    accesses
}

/// `elasticloadbalancing:AddTags` on `arn` for `tags`, made by the create action `by`.
fn tagging(name: &str, arn: &str, tags: &[Tag], by: Option<&str>) -> Access {
    let mut access = Access::new(action(name), arn);
    add_request_tags(&mut access, tags);
    if let Some(by) = by {
        access = access.with("elasticloadbalancing:CreateAction", by);
    }
    access
}

fn add_request_tags(access: &mut Access, tags: &[Tag]) {
    for tag in tags {
        access.context.push((
            format!("aws:RequestTag/{}", tag.key),
            tag.value.clone().unwrap_or_default(),
        ));
        access.context.push(("aws:TagKeys".into(), tag.key.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_operation_is_served() {
        let mut served: Vec<&str> = ELBV2_OPERATIONS.to_vec();
        let mut model: Vec<&str> = berth_api::elbv2::OPERATIONS.to_vec();
        served.sort();
        model.sort();
        assert_eq!(served, model);
    }

    #[test]
    fn creations_with_tags_also_need_add_tags() {
        let accesses = creation(
            "CreateTargetGroup",
            "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/*",
            Some(&[Tag {
                key: "team".into(),
                value: Some("web".into()),
            }]),
        );
        assert_eq!(accesses.len(), 2);
        assert_eq!(accesses[1].action, "elasticloadbalancing:AddTags");
        assert!(accesses[1].context.contains(&(
            "elasticloadbalancing:CreateAction".into(),
            "CreateTargetGroup".into()
        )));
        assert!(accesses[0]
            .context
            .contains(&("aws:RequestTag/team".into(), "web".into())));
        assert_eq!(creation("CreateTargetGroup", "x", None).len(), 1);
    }
}
