/** containerName is kubectl create deployment's: the image's last path segment without tag or digest. */
export function containerName(image: string): string {
  const last = image.split('/').pop() ?? image;
  return last.split('@')[0].split(':')[0];
}
