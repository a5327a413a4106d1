// Mirrors etcd v3.4 etcdctl/ctlv3/command/printer.go makeMemberListTable and its simple,
// table and JSON printers (member list).
import { jsonObject, omitEmptyString, omitEmptyStrings, omitFalse, omitZeroId } from './goJson';
import { headerJson, unsupportedFormat } from './printKv';
import { renderRightAlignedTable } from './tableWriter';
import { okOutput as ok } from './errors';
import type { EtcdctlOutput, Member, MemberListResponse, OutputFormat } from './types';

const MEMBER_HEADER = ['ID', 'Status', 'Name', 'Peer Addrs', 'Client Addrs', 'Is Learner'];

/** makeMemberListRows gives one row per member; a member with no name yet is `unstarted`. */
export function makeMemberListRows(members: Member[]): string[][] {
  return members.map((m) => [
    m.id,
    m.name === '' ? 'unstarted' : 'started',
    m.name,
    m.peerUrls.join(','),
    m.clientUrls.join(','),
    String(m.isLearner ?? false),
  ]);
}

/**
 * printMemberList renders `etcdctl member list` in simple (comma separated), table or JSON form.
 *
 * @example
 * printMemberList(resp, 'simple').stdout;
 * // 'bf9071f4639c75cc, started, infra1, http://127.0.0.1:2380, http://127.0.0.1:2379, false\n'
 */
export function printMemberList(resp: MemberListResponse, format: OutputFormat): EtcdctlOutput {
  const rows = makeMemberListRows(resp.members);
  if (format === 'simple') return ok(rows.map((r) => `${r.join(', ')}\n`).join(''));
  if (format === 'table') return ok(renderRightAlignedTable(MEMBER_HEADER, rows));
  if (format === 'json') {
    const members = resp.members.length === 0 ? undefined : `[${resp.members.map(memberJson).join(',')}]`;
    return ok(`${jsonObject([['header', headerJson(resp.header)], ['members', members]])}\n`);
  }
  return unsupportedFormat(format);
}

/** memberJson encodes etcdserverpb.Member (ID, name, peerURLs, clientURLs, isLearner). */
function memberJson(m: Member): string {
  return jsonObject([
    ['ID', omitZeroId(m.id)],
    ['name', omitEmptyString(m.name)],
    ['peerURLs', omitEmptyStrings(m.peerUrls)],
    ['clientURLs', omitEmptyStrings(m.clientUrls)],
    ['isLearner', omitFalse(m.isLearner)],
  ]);
}

