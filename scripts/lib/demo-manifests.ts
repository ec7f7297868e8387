/**
 * The manifests the demo deploys: what a user would keep in their repository. The target group ARN of `web` is the
 * one the demo's infrastructure got (a user would write theirs in); blue/green's service definition names
 * `<+targetGroupArn>`, which the action resolves to the stage target group.
 */
export function demoFiles(webTargetGroupArn: string): Record<string, string> {
  const web = FILES['web-task.yaml'] ?? '';
  const shop = web.replace('family: web', 'family: shop').replace('- name: web', '- name: shop').replace('/ecs/web', '/ecs/shop');
  return { ...FILES, 'web-service.yaml': webService(webTargetGroupArn), 'shop-task.yaml': shop };
}

const webService = (targetGroupArn: string): string => `serviceName: web
desiredCount: 2
launchType: FARGATE
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1b2c3d]
    securityGroups: [sg-0a1b2c3d]
    assignPublicIp: DISABLED
loadBalancers:
  - targetGroupArn: ${targetGroupArn}
    containerName: web
    containerPort: 8080
healthCheckGracePeriodSeconds: 10
deploymentConfiguration:
  minimumHealthyPercent: 100
  maximumPercent: 200
  deploymentCircuitBreaker:
    enable: true
    rollback: true
`;

const FILES: Record<string, string> = {
  'web-task.yaml': `family: web
requiresCompatibilities: [FARGATE]
networkMode: awsvpc
cpu: "256"
memory: "512"
executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole
containerDefinitions:
  - name: web
    image: <+artifact.image>
    essential: true
    portMappings:
      - containerPort: 8080
        protocol: tcp
    environment:
      - name: GREETING
        value: hello
    logConfiguration:
      logDriver: awslogs
      options:
        awslogs-group: /ecs/web
        awslogs-region: us-east-1
        awslogs-stream-prefix: ecs
        awslogs-create-group: "true"
`,
  'web-scalable-target.yaml': `MinCapacity: 2
MaxCapacity: 6
`,
  'web-scaling-policy.yaml': `PolicyName: web-cpu-60
PolicyType: TargetTrackingScaling
TargetTrackingScalingPolicyConfiguration:
  TargetValue: 60
  PredefinedMetricSpecification:
    PredefinedMetricType: ECSServiceAverageCPUUtilization
  ScaleInCooldown: 120
  ScaleOutCooldown: 60
`,
  'migrate-task.yaml': `family: migrate
requiresCompatibilities: [FARGATE]
networkMode: awsvpc
cpu: "256"
memory: "512"
executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole
containerDefinitions:
  - name: migrate
    image: <+artifact.image>
    essential: true
    command: [bin/migrate]
    logConfiguration:
      logDriver: awslogs
      options:
        awslogs-group: /ecs/migrate
        awslogs-region: us-east-1
        awslogs-stream-prefix: ecs
        awslogs-create-group: "true"
`,
  'migrate-request.yaml': `launchType: FARGATE
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1b2c3d]
    securityGroups: [sg-0a1b2c3d]
`,
  'shop-service.yaml': `serviceName: shop
desiredCount: 2
launchType: FARGATE
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1b2c3d]
    securityGroups: [sg-0a1b2c3d]
loadBalancers:
  - targetGroupArn: <+targetGroupArn>
    containerName: shop
    containerPort: 8080
deploymentConfiguration:
  deploymentCircuitBreaker:
    enable: true
    rollback: false
`,
};
