import type { DeclarationView } from '../../../shared/api'
import type { User } from '../../../shared/model'
import type { Result } from '../../../shared/result'
import type { DeclareOnBehalfInput } from '../../../shared/schemas/onBehalf'
import { fileDeclaration, type DeclareDeps } from './declareResidence'

// 代申报: a volunteer or a grid's staff declares a move-in for a resident who phoned or walked
// in. The filer is the declarant (their "mine" lists it, masked); the resident's name and sealed
// phone go with it for the verifying staff, who see them whole to call back (docs/privacy.md).

export const declareOnBehalf = (deps: DeclareDeps, caller: User, input: DeclareOnBehalfInput, requestId: string | undefined): Promise<Result<DeclarationView>> =>
  fileDeclaration(deps, caller, 'declareOnBehalf', input, requestId)
