/** The manifests the demo deploys: what a user would keep in their repository. */
export const DEMO_FILES: Record<string, string> = {
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
  'web-service.yaml': `serviceName: web
desiredCount: 2
launchType: FARGATE
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1b2c3d]
    securityGroups: [sg-0a1b2c3d]
    assignPublicIp: DISABLED
deploymentConfiguration:
  minimumHealthyPercent: 100
  maximumPercent: 200
  deploymentCircuitBreaker:
    enable: true
    rollback: true
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
};
