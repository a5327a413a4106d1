// Kubelet 1.32 messages about images (pkg/kubelet/images/image_manager.go, events.go): what
// `kubectl describe pod` shows under Events and in the container's waiting state.
import { formatGoDurationMs } from './goDuration';

/** pullingImageMessage is the `Pulling` event. */
export function pullingImageMessage(image: string): string {
  return `Pulling image "${image}"`;
}

/**
 * pulledImageMessage is the `Pulled` event. Both durations are truncated to milliseconds and
 * printed as Go durations; `totalMs` also counts the time spent waiting for earlier pulls
 * (kubelet pulls one image at a time by default).
 *
 * @example
 * pulledImageMessage('nginx:1.25', 5210, 5210, 67665983);
 * // 'Successfully pulled image "nginx:1.25" in 5.21s (5.21s including waiting). Image size: 67665983 bytes.'
 */
export function pulledImageMessage(image: string, pullMs: number, totalMs: number, sizeBytes: number): string {
  return `Successfully pulled image "${image}" in ${formatGoDurationMs(pullMs)} (${formatGoDurationMs(totalMs)} including waiting). Image size: ${sizeBytes} bytes.`;
}

/** alreadyPresentMessage is the `Pulled` event when IfNotPresent finds the image (1.32 wording). */
export function alreadyPresentMessage(image: string): string {
  return `Container image "${image}" already present on machine`;
}

/** failedToPullMessage is the `Failed` event of a pull; `error` comes from pullErrorText. */
export function failedToPullMessage(image: string, error: string): string {
  return `Failed to pull image "${image}": ${error}`;
}

/** backOffPullMessage is the `BackOff` event while kubelet waits before pulling again. */
export function backOffPullMessage(image: string): string {
  return `Back-off pulling image "${image}"`;
}

/** imagePullBackOffWaitingMessage is the waiting message of an ImagePullBackOff container. */
export function imagePullBackOffWaitingMessage(image: string, error: string): string {
  return `Back-off pulling image "${image}": ErrImagePull: ${error}`;
}

/** invalidImageNameMessage is the `InspectFailed` event and InvalidImageName waiting message. */
export function invalidImageNameMessage(image: string, parseError: string): string {
  return `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${parseError}`;
}

/** neverPullMessage is the ErrImageNeverPull message for imagePullPolicy: Never. */
export function neverPullMessage(image: string): string {
  return `Container image "${image}" is not present with pull policy of Never`;
}
