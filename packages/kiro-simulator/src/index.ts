export { startKiroSimulator } from './simulator/start-kiro-simulator';
export type { KiroSimulator, AccountUsage } from './simulator/kiro-simulator';
export type { KiroSimulatorOptions, DeviceFlowOptions } from './simulator/simulator-options';
export type {
  AccountPatch,
  AddAccountOptions,
  ApiRegion,
  AuthMethod,
  BonusOptions,
  FreeTrialOptions,
  KiroClientRegistrationFile,
  KiroCredentials,
  KiroTokenFile,
  SimulatedAccount,
} from './accounts/account-types';
export { apiRegions } from './accounts/account-types';
export { plans, type Plan } from './accounts/plans';
export { socialProfileArn, builderIdPlaceholderArn } from './accounts/account-record';
export type {
  Fault,
  FaultHandle,
  FaultRule,
  FaultType,
  RequestFault,
  StreamFault,
} from './faults/fault-types';
export { operations, type Operation } from './log/operations';
export type {
  RequestLog,
  RequestLogEntry,
  RequestLogOptions,
  RequestOutcome,
  Service,
  WaitOptions,
} from './log/request-log';
export { defaultModels, defaultModelId, type SimulatedModel } from './models/model-catalog';
export { requestRules, type RequestRule } from './validation/request-rules';
export { encodeEventFrame, encodeExceptionFrame } from './frames/event-frames';
