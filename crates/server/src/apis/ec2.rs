//! The EC2 API's dispatch: the subset berth serves for awsvpc networking (subnets and
//! security groups, each action calling one app method in `app/ec2.rs`), and what each
//! action needs permission for.
//!
//! Permissions follow the AWS Service Authorization Reference for EC2: Describe actions
//! take no resource (`*`); the others act on the subnet or security group they name
//! (`arn:aws:ec2:REGION:ACCOUNT:subnet/ID`, `…:security-group/ID`), and a create acts on
//! the new resource (`…/*`, its ID is not chosen yet) and on berth's one VPC. A group named
//! by `GroupName` is authorized by its ID once found (an unknown name is `*`).
//!
//! `DryRun`: a call with `DryRun=true` is authorized, then answered with EC2's
//! `DryRunOperation` (HTTP 412) without running, as AWS does.

use berth_api::ec2::*;

use super::Api;
use crate::app::App;
use crate::error::{Error, Result};
use crate::identity::Access;

crate::query_operations! {
    /// A parsed EC2 request.
    Ec2Command, EC2_OPERATIONS, Api::Ec2, "ec2";
    CreateSubnet(CreateSubnetRequest) => ec2_create_subnet;
    DescribeSubnets(DescribeSubnetsRequest) => ec2_describe_subnets;
    DeleteSubnet(DeleteSubnetRequest) => ec2_delete_subnet;
    CreateSecurityGroup(CreateSecurityGroupRequest) => ec2_create_security_group;
    DescribeSecurityGroups(DescribeSecurityGroupsRequest) => ec2_describe_security_groups;
    DeleteSecurityGroup(DeleteSecurityGroupRequest) => ec2_delete_security_group;
    AuthorizeSecurityGroupIngress(AuthorizeSecurityGroupIngressRequest) => ec2_authorize_ingress;
    RevokeSecurityGroupIngress(RevokeSecurityGroupIngressRequest) => ec2_revoke_ingress;
}

impl Ec2Command {
    /// What the call needs permission for.
    pub fn access(&self, app: &App) -> Vec<Access> {
        use Ec2Command::*;
        let action = self.action();
        let on = |resource: String| Access::new(action, resource);
        match self {
            DescribeSubnets(_) | DescribeSecurityGroups(_) => vec![Access::new(action, "*")],
            CreateSubnet(_) | CreateSecurityGroup(_) => vec![
                on(app.ec2_arn(self.resource_type(), "*")),
                on(app.ec2_arn("vpc", crate::app::ec2::VPC_ID)),
            ],
            DeleteSubnet(req) => vec![on(app.ec2_arn("subnet", &req.subnet_id))],
            DeleteSecurityGroup(req) => {
                vec![on(app.ec2_group_arn(&req.group_id, &req.group_name))]
            }
            AuthorizeSecurityGroupIngress(req) => {
                vec![on(app.ec2_group_arn(&req.group_id, &req.group_name))]
            }
            RevokeSecurityGroupIngress(req) => {
                vec![on(app.ec2_group_arn(&req.group_id, &req.group_name))]
            }
        }
    }

    fn resource_type(&self) -> &'static str {
        match self {
            Ec2Command::CreateSubnet(_) => "subnet",
            _ => "security-group",
        }
    }

    /// EC2's answer to an authorized `DryRun=true`: the call would have succeeded.
    pub fn refuse_dry_run(&self) -> Result<()> {
        use Ec2Command::*;
        let dry_run = match self {
            CreateSubnet(req) => req.dry_run,
            DescribeSubnets(req) => req.dry_run,
            DeleteSubnet(req) => req.dry_run,
            CreateSecurityGroup(req) => req.dry_run,
            DescribeSecurityGroups(req) => req.dry_run,
            DeleteSecurityGroup(req) => req.dry_run,
            AuthorizeSecurityGroupIngress(req) => req.dry_run,
            RevokeSecurityGroupIngress(req) => req.dry_run,
        };
        if dry_run == Some(true) {
            return Err(Error::Api {
                code: "DryRunOperation",
                message: "Request would have succeeded, but DryRun flag is set.".into(),
                status: 412,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_operation_is_served() {
        let mut served: Vec<&str> = EC2_OPERATIONS.to_vec();
        let mut model: Vec<&str> = berth_api::ec2::OPERATIONS.to_vec();
        served.sort();
        model.sort();
        assert_eq!(served, model);
    }
}
