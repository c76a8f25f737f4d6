// Outputs recorded from a real lab, for the fake lab world of the check kinds' unit tests
// (test/support/fake-lab.ts). Each was printed by the lab image of this tree in an ex03 lab started
// with `grade start ex03` and the exercise's solution typed into `grade shell`, the command run
// through `docker exec` in the lab container as the checks run it (a probe, or grade-enter net NODE).
// Random parts are as they came, except the per-call marks (GRADE_MARK, the rule dump's marker),
// which were fixed values that the fake puts back to the check's own (withMark).

import type { ExecResult } from '../../runner/lab-exec.js';

export interface Recorded {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** The mark probe-files and probe-resolve were given for these recordings (GRADE_MARK). */
export const RECORDED_MARK = '@@0123456789ab';
/** The marker the rule dump was given for these recordings. */
export const RECORDED_RULES_MARKER = 'grade-rules-00000000000000000000000000000000';

/** A recording as the lab's exec returns it, with its fixed mark replaced by the check's own. */
export function replay(r: Recorded, mark?: string, over: Partial<ExecResult> = {}): Partial<ExecResult> {
  const put = (text: string) => (mark === undefined ? text : text.split(RECORDED_MARK).join(mark).split(RECORDED_RULES_MARKER).join(mark));
  const stdout = put(r.stdout);
  const stderr = put(r.stderr);
  return { stdout, stderr, output: stdout + stderr, exitCode: r.exitCode, ...over };
}

/** probe-ping red blue 192.168.15.3: blue answered, its reply came back */
export const PING_ANSWERED: Recorded = {
  stdout: "PATTERN: 0x404f349c3e84f027\nPING 192.168.15.3 (192.168.15.3) 56(84) bytes of data.\n64 bytes from 192.168.15.3: icmp_seq=1 ttl=64 time=0.130 ms\n\n--- 192.168.15.3 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\nrtt min/avg/max/mdev = 0.130/0.130/0.130/0.000 ms\n@@probe sent=1 into=1 answered=1 back=1 relays=\n",
  stderr: "",
  exitCode: 0,
};

/** probe-ping red lan-server 192.168.1.99: no node has the address; 15 requests left red, none arrived */
export const PING_SILENT: Recorded = {
  stdout: "PATTERN: 0x98afef24d273213f\nPING 192.168.1.99 (192.168.1.99) 56(84) bytes of data.\n\n--- 192.168.1.99 ping statistics ---\n15 packets transmitted, 0 received, 100% packet loss, time 2864ms\n\n@@probe sent=15 into=0 answered=0 back=0 relays=\n",
  stderr: "",
  exitCode: 1,
};

/** probe-ping red lan-server 192.168.1.3 with 192.168.1.3/32 on red's own lo (and a tcpdump left running in host): red answered itself */
export const PING_LOCAL_ANSWER: Recorded = {
  stdout: "PATTERN: 0xcecce24c86344bd4\nPING 192.168.1.3 (192.168.1.3) 56(84) bytes of data.\n64 bytes from 192.168.1.3: icmp_seq=1 ttl=64 time=0.055 ms\n\n--- 192.168.1.3 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\nrtt min/avg/max/mdev = 0.055/0.055/0.055/0.000 ms\n@@probe sent=0 into=0 answered=0 back=0 relays=host:packet\n",
  stderr: "",
  exitCode: 0,
};

/** probe-ping red lan-server 192.168.1.3 while a learner tcpdump held a packet socket in host */
export const PING_PAST_A_PACKET_SOCKET: Recorded = {
  stdout: "PATTERN: 0xb66d7c70f707ece2\nPING 192.168.1.3 (192.168.1.3) 56(84) bytes of data.\n64 bytes from 192.168.1.3: icmp_seq=1 ttl=63 time=0.151 ms\n\n--- 192.168.1.3 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\nrtt min/avg/max/mdev = 0.151/0.151/0.151/0.000 ms\n@@probe sent=1 into=1 answered=1 back=1 relays=host:packet\n",
  stderr: "",
  exitCode: 0,
};

/** grade-enter net red ping -n -c 1 -i 0.2 -w 2 127.0.0.1 */
export const PING_LOOPBACK: Recorded = {
  stdout: "PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.\n64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.044 ms\n\n--- 127.0.0.1 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\nrtt min/avg/max/mdev = 0.044/0.044/0.044/0.000 ms\n",
  stderr: "",
  exitCode: 0,
};

/** grade-enter net red ping -n -c 2 -i 0.2 -W 0.4 -w 1 192.168.1.3 */
export const NEGATIVE_PING_REPLIES: Recorded = {
  stdout: "PING 192.168.1.3 (192.168.1.3) 56(84) bytes of data.\n64 bytes from 192.168.1.3: icmp_seq=1 ttl=63 time=0.125 ms\n64 bytes from 192.168.1.3: icmp_seq=2 ttl=63 time=0.109 ms\n\n--- 192.168.1.3 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 201ms\nrtt min/avg/max/mdev = 0.109/0.117/0.125/0.008 ms\n",
  stderr: "",
  exitCode: 0,
};

/** grade-enter net lan-server ping -n -c 2 -i 0.2 -W 0.4 -w 1 192.168.15.2 (lan-server has no route there) */
export const NEGATIVE_PING_NO_ROUTE: Recorded = {
  stdout: "",
  stderr: "ping: connect: Network is unreachable\n",
  exitCode: 2,
};

/** grade-enter net red/ns1 ...: the learner made no namespace ns1 */
export const NETNS_MISSING: Recorded = {
  stdout: "",
  stderr: "grade-enter: network namespace ns1: does not exist in the node (see ip netns list)\n",
  exitCode: 125,
};

/** probe-conn red lan-server: nc -p 41000 192.168.1.3 7000 sending "hello" (ex03's whoami service answers) */
export const CONN_ANSWERED: Recorded = {
  stdout: "8685d074a11db7b3 hello seen from 192.168.1.2 port 41000\n@@syn sent=1 into=1 same=1 back=1 relays=\n",
  stderr: "Connection to 192.168.1.3 7000 port [tcp/*] succeeded!\n",
  exitCode: 0,
};

/** probe-conn red lan-server: nc 192.168.1.3 7001, where nothing listens (the RST is no SYN-ACK) */
export const CONN_REFUSED: Recorded = {
  stdout: "@@syn sent=1 into=1 same=1 back=0 relays=\n",
  stderr: "nc: connect to 192.168.1.3 port 7001 (tcp) failed: Connection refused\n",
  exitCode: 1,
};

/** probe-conn red lan-server: nc 192.168.1.3 7000 while a learner tcpdump held a packet socket in host */
export const CONN_PAST_A_PACKET_SOCKET: Recorded = {
  stdout: "8685d074a11db7b3 hello seen from 192.168.1.2 port 35818\n@@syn sent=1 into=1 same=1 back=1 relays=host:packet\n",
  stderr: "Connection to 192.168.1.3 7000 port [tcp/*] succeeded!\n",
  exitCode: 0,
};

/** probe-conn red lan-server: nc 192.168.1.3 7000 with 192.168.1.3/32 on red's lo and `nc -l -p 7000` on red */
export const CONN_LOCAL_ANSWER: Recorded = {
  stdout: "fake-answer\n@@syn sent=0 into=0 same=0 back=0 relays=\n",
  stderr: "Connection to 192.168.1.3 7000 port [tcp/*] succeeded!\n",
  exitCode: 0,
};

/** probe-tcp blue 8000 red 192.168.15.3 with GRADE_SEND=ping GRADE_TOKEN=feedc0de */
export const TCP_LISTENER_ANSWERED: Recorded = {
  stdout: "@@listen ready\nfeedc0de ping seen from 192.168.15.2 port 53460\n@@syn sent=1 into=1 same=1 back=1 relays=\n",
  stderr: "Connection to 192.168.15.3 8000 port [tcp/*] succeeded!\n",
  exitCode: 0,
};

/** probe-tcp blue 8001 red 192.168.15.3 while the learner ran `nc -l -p 8001` on blue */
export const TCP_LISTENER_PORT_TAKEN: Recorded = {
  stdout: "@@listen failed Address already in use\n",
  stderr: "",
  exitCode: 0,
};

/** probe-conn red lan-server curl ... http://192.168.1.3/ (nothing listens on port 80) */
export const CURL_REFUSED: Recorded = {
  stdout: "@@syn sent=1 into=1 same=1 back=0 relays=\n",
  stderr: "curl: (7) Failed to connect to 192.168.1.3 port 80 after 0 ms: Couldn't connect to server\n",
  exitCode: 7,
};

/** probe-conn red lan-server curl ... http://192.168.1.3:7000/ (a plain TCP service) */
export const CURL_HTTP09: Recorded = {
  stdout: "@@syn sent=1 into=1 same=1 back=1 relays=\n",
  stderr: "curl: (1) Received HTTP/0.9 when not allowed\n",
  exitCode: 1,
};

/** grade-enter net red ip -j route get 192.168.1.3 */
export const ROUTE_VIA_GATEWAY: Recorded = {
  stdout: "[{\"dst\":\"192.168.1.3\",\"gateway\":\"192.168.15.5\",\"dev\":\"eth0\",\"prefsrc\":\"192.168.15.2\",\"flags\":[],\"uid\":0,\"cache\":[]}]\n",
  stderr: "",
  exitCode: 0,
};

/** grade-enter net host ip -j route get 192.168.15.2 */
export const ROUTE_DIRECT: Recorded = {
  stdout: "[{\"dst\":\"192.168.15.2\",\"dev\":\"v-net-0\",\"prefsrc\":\"192.168.15.5\",\"flags\":[],\"uid\":0,\"cache\":[]}]\n",
  stderr: "",
  exitCode: 0,
};

/** grade-enter net lan-server ip -j route get 10.9.9.9 (no default route) */
export const ROUTE_UNREACHABLE: Recorded = {
  stdout: "",
  stderr: "RTNETLINK answers: Network is unreachable\n",
  exitCode: 2,
};

/** host: ip -j route get 192.168.15.2 && echo && ip -j -d link show (out of the bridge v-net-0) */
export const ROUTE_WITH_LINKS: Recorded = {
  stdout: "[{\"dst\":\"192.168.15.2\",\"dev\":\"v-net-0\",\"prefsrc\":\"192.168.15.5\",\"flags\":[],\"uid\":0,\"cache\":[]}]\n\n[{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\",\"UP\",\"LOWER_UP\"],\"mtu\":65536,\"qdisc\":\"noqueue\",\"operstate\":\"UNKNOWN\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"loopback\",\"address\":\"00:00:00:00:00:00\",\"broadcast\":\"00:00:00:00:00:00\",\"promiscuity\":0,\"allmulti\":0,\"min_mtu\":0,\"max_mtu\":0,\"inet6_addr_gen_mode\":\"eui64\",\"num_tx_queues\":1,\"num_rx_queues\":1,\"gso_max_size\":65536,\"gso_max_segs\":65535,\"tso_max_size\":524280,\"tso_max_segs\":65535,\"gro_max_size\":65536},{\"ifindex\":2,\"link_index\":5,\"ifname\":\"eth0\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"operstate\":\"UP\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"ca:5d:04:e8:59:5a\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"link_netnsid\":0,\"promiscuity\":0,\"allmulti\":0,\"min_mtu\":68,\"max_mtu\":65535,\"linkinfo\":{\"info_kind\":\"veth\"},\"inet6_addr_gen_mode\":\"eui64\",\"num_tx_queues\":2,\"num_rx_queues\":2,\"gso_max_size\":65536,\"gso_max_segs\":65535,\"tso_max_size\":524280,\"tso_max_segs\":65535,\"gro_max_size\":65536},{\"ifindex\":3,\"link_index\":7,\"ifname\":\"veth-red-br\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"master\":\"v-net-0\",\"operstate\":\"UP\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"e2:23:e2:aa:52:50\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"link_netnsid\":0,\"promiscuity\":1,\"allmulti\":1,\"min_mtu\":68,\"max_mtu\":65535,\"linkinfo\":{\"info_kind\":\"veth\",\"info_slave_kind\":\"bridge\",\"info_slave_data\":{\"state\":\"forwarding\",\"priority\":32,\"cost\":2,\"hairpin\":false,\"guard\":false,\"root_block\":false,\"fastleave\":false,\"learning\":true,\"flood\":true,\"id\":\"0x8001\",\"no\":\"0x1\",\"designated_port\":32769,\"designated_cost\":0,\"bridge_id\":\"8000.d6:5c:12:c5:7:17\",\"root_id\":\"8000.d6:5c:12:c5:7:17\",\"hold_timer\":0.00,\"message_age_timer\":0.00,\"forward_delay_timer\":0.00,\"topology_change_ack\":0,\"config_pending\":0,\"proxy_arp\":false,\"proxy_arp_wifi\":false,\"multicast_router\":1,\"mcast_flood\":true,\"bcast_flood\":true,\"mcast_to_unicast\":false,\"neigh_suppress\":false,\"group_fwd_mask\":\"0\",\"group_fwd_mask_str\":\"0x0\",\"vlan_tunnel\":false,\"isolated\":false,\"locked\":false}},\"inet6_addr_gen_mode\":\"eui64\",\"num_tx_queues\":2,\"num_rx_queues\":2,\"gso_max_size\":65536,\"gso_max_segs\":65535,\"tso_max_size\":524280,\"tso_max_segs\":65535,\"gro_max_size\":65536},{\"ifindex\":4,\"link_index\":9,\"ifname\":\"veth-blue-br\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"master\":\"v-net-0\",\"operstate\":\"UP\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"d6:5c:12:c5:07:17\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"link_netnsid\":0,\"promiscuity\":1,\"allmulti\":1,\"min_mtu\":68,\"max_mtu\":65535,\"linkinfo\":{\"info_kind\":\"veth\",\"info_slave_kind\":\"bridge\",\"info_slave_data\":{\"state\":\"forwarding\",\"priority\":32,\"cost\":2,\"hairpin\":false,\"guard\":false,\"root_block\":false,\"fastleave\":false,\"learning\":true,\"flood\":true,\"id\":\"0x8002\",\"no\":\"0x2\",\"designated_port\":32770,\"designated_cost\":0,\"bridge_id\":\"8000.d6:5c:12:c5:7:17\",\"root_id\":\"8000.d6:5c:12:c5:7:17\",\"hold_timer\":0.00,\"message_age_timer\":0.00,\"forward_delay_timer\":0.00,\"topology_change_ack\":0,\"config_pending\":0,\"proxy_arp\":false,\"proxy_arp_wifi\":false,\"multicast_router\":1,\"mcast_flood\":true,\"bcast_flood\":true,\"mcast_to_unicast\":false,\"neigh_suppress\":false,\"group_fwd_mask\":\"0\",\"group_fwd_mask_str\":\"0x0\",\"vlan_tunnel\":false,\"isolated\":false,\"locked\":false}},\"inet6_addr_gen_mode\":\"eui64\",\"num_tx_queues\":2,\"num_rx_queues\":2,\"gso_max_size\":65536,\"gso_max_segs\":65535,\"tso_max_size\":524280,\"tso_max_segs\":65535,\"gro_max_size\":65536},{\"ifindex\":5,\"ifname\":\"v-net-0\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"operstate\":\"UP\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"d6:5c:12:c5:07:17\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"promiscuity\":0,\"allmulti\":0,\"min_mtu\":68,\"max_mtu\":65535,\"linkinfo\":{\"info_kind\":\"bridge\",\"info_data\":{\"forward_delay\":1500,\"hello_time\":200,\"max_age\":2000,\"ageing_time\":30000,\"stp_state\":0,\"priority\":32768,\"vlan_filtering\":0,\"bridge_id\":\"8000.d6:5c:12:c5:7:17\",\"root_id\":\"8000.d6:5c:12:c5:7:17\",\"root_port\":0,\"root_path_cost\":0,\"topology_change\":0,\"topology_change_detected\":0,\"hello_timer\":0.00,\"tcn_timer\":0.00,\"topology_change_timer\":0.00,\"gc_timer\":209.98,\"group_fwd_mask\":\"0\",\"group_addr\":\"01:80:c2:00:00:00\",\"mcast_snooping\":1,\"no_linklocal_learn\":0,\"mcast_vlan_snooping\":0,\"mcast_router\":1,\"mcast_query_use_ifaddr\":0,\"mcast_querier\":0,\"mcast_hash_elasticity\":16,\"mcast_hash_max\":4096,\"mcast_last_member_cnt\":2,\"mcast_startup_query_cnt\":2,\"mcast_last_member_intvl\":100,\"mcast_membership_intvl\":26000,\"mcast_querier_intvl\":25500,\"mcast_query_intvl\":12500,\"mcast_query_response_intvl\":1000,\"mcast_startup_query_intvl\":3124,\"mcast_stats_enabled\":0,\"mcast_igmp_version\":2,\"mcast_mld_version\":1,\"nf_call_iptables\":0,\"nf_call_ip6tables\":0,\"nf_call_arptables\":0}},\"inet6_addr_gen_mode\":\"eui64\",\"num_tx_queues\":1,\"num_rx_queues\":1,\"gso_max_size\":65536,\"gso_max_segs\":65535,\"tso_max_size\":524280,\"tso_max_segs\":65535,\"gro_max_size\":65536}]\n",
  stderr: "",
  exitCode: 0,
};

/** host: the same for 10.200.1.1, routed out of a veth the learner named tun0 */
export const ROUTE_WITH_LINKS_VETH_NAMED_TUN: Recorded = {
  stdout: "[{\"dst\":\"10.200.1.1\",\"dev\":\"tun0\",\"prefsrc\":\"192.168.1.2\",\"flags\":[],\"uid\":0,\"cache\":[]}]\n\n[{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\",\"UP\",\"LOWER_UP\"],\"mtu\":65536,\"qdisc\":\"noqueue\",\"operstate\":\"UNKNOWN\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"loopback\",\"address\":\"00:00:00:00:00:00\",\"broadcast\":\"00:00:00:00:00:00\",\"promiscuity\":0,\"allmulti\":0,\"min_mtu\":0,\"max_mtu\":0,\"inet6_addr_gen_mode\":\"eui64\",\"num_tx_queues\":1,\"num_rx_queues\":1,\"gso_max_size\":65536,\"gso_max_segs\":65535,\"tso_max_size\":524280,\"tso_max_segs\":65535,\"gro_max_size\":65536},{\"ifindex\":2,\"link_index\":5,\"ifname\":\"eth0\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"operstate\":\"UP\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"fe:02:55:36:8c:de\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"link_netnsid\":0,\"promiscuity\":0,\"allmulti\":0,\"min_mtu\":68,\"max_mtu\":65535,\"linkinfo\":{\"info_kind\":\"veth\"},\"inet6_addr_gen_mode\":\"eui64\",\"num_tx_queues\":2,\"num_rx_queues\":2,\"gso_max_size\":65536,\"gso_max_segs\":65535,\"tso_max_size\":524280,\"tso_max_segs\":65535,\"gro_max_size\":65536},{\"ifindex\":3,\"link_index\":7,\"ifname\":\"veth-red-br\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"master\":\"v-net-0\",\"operstate\":\"UP\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"9a:d1:ab:e7:1e:66\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"link_netnsid\":0,\"promiscuity\":1,\"allmulti\":1,\"min_mtu\":68,\"max_mtu\":65535,\"linkinfo\":{\"info_kind\":\"veth\",\"info_slave_kind\":\"bridge\",\"info_slave_data\":{\"state\":\"forwarding\",\"priority\":32,\"cost\":2,\"hairpin\":false,\"guard\":false,\"root_block\":false,\"fastleave\":false,\"learning\":true,\"flood\":true,\"id\":\"0x8001\",\"no\":\"0x1\",\"designated_port\":32769,\"designated_cost\":0,\"bridge_id\":\"8000.9a:d1:ab:e7:1e:66\",\"root_id\":\"8000.9a:d1:ab:e7:1e:66\",\"hold_timer\":0.00,\"message_age_timer\":0.00,\"forward_delay_timer\":8.97,\"topology_change_ack\":0,\"config_pending\":0,\"proxy_arp\":false,\"proxy_arp_wifi\":false,\"multicast_router\":1,\"mcast_flood\":true,\"bcast_flood\":true,\"mcast_to_unicast\":false,\"neigh_suppress\":false,\"group_fwd_mask\":\"0\",\"group_fwd_mask_str\":\"0x0\",\"vlan_tunnel\":false,\"isolated\":false,\"locked\":false}},\"inet6_addr_gen_mode\":\"eui64\",\"num_tx_queues\":2,\"num_rx_queues\":2,\"gso_max_size\":65536,\"gso_max_segs\":65535,\"tso_max_size\":524280,\"tso_max_segs\":65535,\"gro_max_size\":65536},{\"ifindex\":4,\"link_index\":9,\"ifname\":\"veth-blue-br\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"master\":\"v-net-0\",\"operstate\":\"UP\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"fe:c6:2c:a5:c9:d7\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"link_netnsid\":0,\"promiscuity\":1,\"allmulti\":1,\"min_mtu\":68,\"max_mtu\":65535,\"linkinfo\":{\"info_kind\":\"veth\",\"info_slave_kind\":\"bridge\",\"info_slave_data\":{\"state\":\"forwarding\",\"priority\":32,\"cost\":2,\"hairpin\":false,\"guard\":false,\"root_block\":false,\"fastleave\":false,\"learning\":true,\"flood\":true,\"id\":\"0x8002\",\"no\":\"0x2\",\"designated_port\":32770,\"designated_cost\":0,\"bridge_id\":\"8000.9a:d1:ab:e7:1e:66\",\"root_id\":\"8000.9a:d1:ab:e7:1e:66\",\"hold_timer\":0.00,\"message_age_timer\":0.00,\"forward_delay_timer\":8.97,\"topology_change_ack\":0,\"config_pending\":0,\"proxy_arp\":false,\"proxy_arp_wifi\":false,\"multicast_router\":1,\"mcast_flood\":true,\"bcast_flood\":true,\"mcast_to_unicast\":false,\"neigh_suppress\":false,\"group_fwd_mask\":\"0\",\"group_fwd_mask_str\":\"0x0\",\"vlan_tunnel\":false,\"isolated\":false,\"locked\":false}},\"inet6_addr_gen_mode\":\"eui64\",\"num_tx_queues\":2,\"num_rx_queues\":2,\"gso_max_size\":65536,\"gso_max_segs\":65535,\"tso_max_size\":524280,\"tso_max_segs\":65535,\"gro_max_size\":65536},{\"ifindex\":5,\"ifname\":\"v-net-0\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"operstate\":\"UP\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"9a:d1:ab:e7:1e:66\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"promiscuity\":0,\"allmulti\":0,\"min_mtu\":68,\"max_mtu\":65535,\"linkinfo\":{\"info_kind\":\"bridge\",\"info_data\":{\"forward_delay\":1500,\"hello_time\":200,\"max_age\":2000,\"ageing_time\":30000,\"stp_state\":0,\"priority\":32768,\"vlan_filtering\":0,\"bridge_id\":\"8000.9a:d1:ab:e7:1e:66\",\"root_id\":\"8000.9a:d1:ab:e7:1e:66\",\"root_port\":0,\"root_path_cost\":0,\"topology_change\":0,\"topology_change_detected\":0,\"hello_timer\":0.00,\"tcn_timer\":0.00,\"topology_change_timer\":0.00,\"gc_timer\":294.08,\"group_fwd_mask\":\"0\",\"group_addr\":\"01:80:c2:00:00:00\",\"mcast_snooping\":1,\"no_linklocal_learn\":0,\"mcast_vlan_snooping\":0,\"mcast_router\":1,\"mcast_query_use_ifaddr\":0,\"mcast_querier\":0,\"mcast_hash_elasticity\":16,\"mcast_hash_max\":4096,\"mcast_last_member_cnt\":2,\"mcast_startup_query_cnt\":2,\"mcast_last_member_intvl\":100,\"mcast_membership_intvl\":26000,\"mcast_querier_intvl\":25500,\"mcast_query_intvl\":12500,\"mcast_query_response_intvl\":1000,\"mcast_startup_query_intvl\":3124,\"mcast_stats_enabled\":0,\"mcast_igmp_version\":2,\"mcast_mld_version\":1,\"nf_call_iptables\":0,\"nf_call_ip6tables\":0,\"nf_call_arptables\":0}},\"inet6_addr_gen_mode\":\"eui64\",\"num_tx_queues\":1,\"num_rx_queues\":1,\"gso_max_size\":65536,\"gso_max_segs\":65535,\"tso_max_size\":524280,\"tso_max_segs\":65535,\"gro_max_size\":65536},{\"ifindex\":6,\"link\":\"tun0\",\"ifname\":\"tun0p\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"operstate\":\"UP\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"ce:69:32:80:1d:75\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"promiscuity\":0,\"allmulti\":0,\"min_mtu\":68,\"max_mtu\":65535,\"linkinfo\":{\"info_kind\":\"veth\"},\"inet6_addr_gen_mode\":\"eui64\",\"num_tx_queues\":2,\"num_rx_queues\":2,\"gso_max_size\":65536,\"gso_max_segs\":65535,\"tso_max_size\":524280,\"tso_max_segs\":65535,\"gro_max_size\":65536},{\"ifindex\":7,\"link\":\"tun0p\",\"ifname\":\"tun0\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"operstate\":\"UP\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"fe:a1:60:28:63:63\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"promiscuity\":0,\"allmulti\":0,\"min_mtu\":68,\"max_mtu\":65535,\"linkinfo\":{\"info_kind\":\"veth\"},\"inet6_addr_gen_mode\":\"eui64\",\"num_tx_queues\":2,\"num_rx_queues\":2,\"gso_max_size\":65536,\"gso_max_segs\":65535,\"tso_max_size\":524280,\"tso_max_segs\":65535,\"gro_max_size\":65536}]\n",
  stderr: "",
  exitCode: 0,
};

/** grade-enter net host sysctl -n net.ipv4.ip_forward */
export const SYSCTL_ON: Recorded = {
  stdout: "1\n",
  stderr: "",
  exitCode: 0,
};

/** grade-enter net host sysctl -n net.ipv4.no_such_key */
export const SYSCTL_NO_SUCH_KEY: Recorded = {
  stdout: "",
  stderr: "sysctl: cannot stat /proc/sys/net/ipv4/no_such_key: No such file or directory\n",
  exitCode: 1,
};

/** grade-enter net host sysctl -n net.ipv4.ip_local_port_range */
export const SYSCTL_TWO_VALUES: Recorded = {
  stdout: "32768\t60999\n",
  stderr: "",
  exitCode: 0,
};

/** host: the bridge check's script for v-net-0 after ex03's solution */
export const BRIDGE_UP: Recorded = {
  stdout: "[{\"ifindex\":5,\"ifname\":\"v-net-0\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"operstate\":\"UP\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"9a:d1:ab:e7:1e:66\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"promiscuity\":0,\"allmulti\":0,\"min_mtu\":68,\"max_mtu\":65535,\"linkinfo\":{\"info_kind\":\"bridge\",\"info_data\":{\"forward_delay\":1500,\"hello_time\":200,\"max_age\":2000,\"ageing_time\":30000,\"stp_state\":0,\"priority\":32768,\"vlan_filtering\":0,\"bridge_id\":\"8000.9a:d1:ab:e7:1e:66\",\"root_id\":\"8000.9a:d1:ab:e7:1e:66\",\"root_port\":0,\"root_path_cost\":0,\"topology_change\":0,\"topology_change_detected\":0,\"hello_timer\":0.00,\"tcn_timer\":0.00,\"topology_change_timer\":0.00,\"gc_timer\":292.40,\"group_fwd_mask\":\"0\",\"group_addr\":\"01:80:c2:00:00:00\",\"mcast_snooping\":1,\"no_linklocal_learn\":0,\"mcast_vlan_snooping\":0,\"mcast_router\":1,\"mcast_query_use_ifaddr\":0,\"mcast_querier\":0,\"mcast_hash_elasticity\":16,\"mcast_hash_max\":4096,\"mcast_last_member_cnt\":2,\"mcast_startup_query_cnt\":2,\"mcast_last_member_intvl\":100,\"mcast_membership_intvl\":26000,\"mcast_querier_intvl\":25500,\"mcast_query_intvl\":12500,\"mcast_query_response_intvl\":1000,\"mcast_startup_query_intvl\":3124,\"mcast_stats_enabled\":0,\"mcast_igmp_version\":2,\"mcast_mld_version\":1,\"nf_call_iptables\":0,\"nf_call_ip6tables\":0,\"nf_call_arptables\":0}},\"num_tx_queues\":1,\"num_rx_queues\":1,\"gso_max_size\":65536,\"gso_max_segs\":65535,\"tso_max_size\":524280,\"tso_max_segs\":65535,\"gro_max_size\":65536,\"addr_info\":[{\"family\":\"inet\",\"local\":\"192.168.15.5\",\"prefixlen\":24,\"scope\":\"global\",\"label\":\"v-net-0\",\"valid_life_time\":4294967295,\"preferred_life_time\":4294967295}]}]\n\n[{\"ifindex\":3,\"link_index\":7,\"ifname\":\"veth-red-br\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"master\":\"v-net-0\",\"operstate\":\"UP\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"9a:d1:ab:e7:1e:66\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"link_netnsid\":0},{\"ifindex\":4,\"link_index\":9,\"ifname\":\"veth-blue-br\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"master\":\"v-net-0\",\"operstate\":\"UP\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"fe:c6:2c:a5:c9:d7\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"link_netnsid\":0}]\n",
  stderr: "",
  exitCode: 0,
};

/** host: the same after `ip link set veth-blue-br nomaster; ip link set v-net-0 down` */
export const BRIDGE_DOWN_ONE_PORT: Recorded = {
  stdout: "[{\"ifindex\":5,\"ifname\":\"v-net-0\",\"flags\":[\"BROADCAST\",\"MULTICAST\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"operstate\":\"DOWN\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"9a:d1:ab:e7:1e:66\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"promiscuity\":0,\"allmulti\":0,\"min_mtu\":68,\"max_mtu\":65535,\"linkinfo\":{\"info_kind\":\"bridge\",\"info_data\":{\"forward_delay\":1500,\"hello_time\":200,\"max_age\":2000,\"ageing_time\":30000,\"stp_state\":0,\"priority\":32768,\"vlan_filtering\":0,\"bridge_id\":\"8000.9a:d1:ab:e7:1e:66\",\"root_id\":\"8000.9a:d1:ab:e7:1e:66\",\"root_port\":0,\"root_path_cost\":0,\"topology_change\":0,\"topology_change_detected\":0,\"hello_timer\":0.00,\"tcn_timer\":0.00,\"topology_change_timer\":0.00,\"gc_timer\":0.00,\"group_fwd_mask\":\"0\",\"group_addr\":\"01:80:c2:00:00:00\",\"mcast_snooping\":1,\"no_linklocal_learn\":0,\"mcast_vlan_snooping\":0,\"mcast_router\":1,\"mcast_query_use_ifaddr\":0,\"mcast_querier\":0,\"mcast_hash_elasticity\":16,\"mcast_hash_max\":4096,\"mcast_last_member_cnt\":2,\"mcast_startup_query_cnt\":2,\"mcast_last_member_intvl\":100,\"mcast_membership_intvl\":26000,\"mcast_querier_intvl\":25500,\"mcast_query_intvl\":12500,\"mcast_query_response_intvl\":1000,\"mcast_startup_query_intvl\":3124,\"mcast_stats_enabled\":0,\"mcast_igmp_version\":2,\"mcast_mld_version\":1,\"nf_call_iptables\":0,\"nf_call_ip6tables\":0,\"nf_call_arptables\":0}},\"num_tx_queues\":1,\"num_rx_queues\":1,\"gso_max_size\":65536,\"gso_max_segs\":65535,\"tso_max_size\":524280,\"tso_max_segs\":65535,\"gro_max_size\":65536,\"addr_info\":[{\"family\":\"inet\",\"local\":\"192.168.15.5\",\"prefixlen\":24,\"scope\":\"global\",\"label\":\"v-net-0\",\"valid_life_time\":4294967295,\"preferred_life_time\":4294967295}]}]\n\n[{\"ifindex\":3,\"link_index\":7,\"ifname\":\"veth-red-br\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"master\":\"v-net-0\",\"operstate\":\"UP\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"9a:d1:ab:e7:1e:66\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"link_netnsid\":0}]\n",
  stderr: "",
  exitCode: 0,
};

/** host: the bridge check's script for v-net-9, which does not exist */
export const BRIDGE_NO_SUCH_DEVICE: Recorded = {
  stdout: "\n",
  stderr: "Device \"v-net-9\" does not exist.\nError: argument \"v-net-9\" is wrong: Device does not exist\n\n",
  exitCode: 255,
};

/** host: the bridge check's script for eth0 (a veth, no bridge) */
export const BRIDGE_PLAIN_INTERFACE: Recorded = {
  stdout: "[{\"ifindex\":2,\"link_index\":5,\"ifname\":\"eth0\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"qdisc\":\"noqueue\",\"operstate\":\"UP\",\"group\":\"default\",\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"ca:5d:04:e8:59:5a\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\",\"link_netnsid\":0,\"promiscuity\":0,\"allmulti\":0,\"min_mtu\":68,\"max_mtu\":65535,\"linkinfo\":{\"info_kind\":\"veth\"},\"num_tx_queues\":2,\"num_rx_queues\":2,\"gso_max_size\":65536,\"gso_max_segs\":65535,\"tso_max_size\":524280,\"tso_max_segs\":65535,\"gro_max_size\":65536,\"addr_info\":[{\"family\":\"inet\",\"local\":\"192.168.1.2\",\"prefixlen\":24,\"scope\":\"global\",\"label\":\"eth0\",\"valid_life_time\":4294967295,\"preferred_life_time\":4294967295}]}]\n\n[]\n",
  stderr: "",
  exitCode: 0,
};

/** probe-files host '/etc/sysctl.d/*.conf' /etc/sysctl.conf with 10-crlf.conf (CRLF lines) and 90-nbsp.conf (U+00A0 before =) */
export const FILES_SYSCTL: Recorded = {
  stdout: "@@0123456789ab /etc/sysctl.d/10-crlf.conf\n# ok\r\nnet.ipv4.conf.all.rp_filter = 2\r\n\n@@0123456789ab /etc/sysctl.d/90-nbsp.conf\nnet.ipv4.ip_forward\u00a0= 1\n\n@@0123456789ab /etc/sysctl.conf\n#\n# /etc/sysctl.conf - Configuration file for setting system variables\n# See /etc/sysctl.d/ for additional system variables.\n# See sysctl.conf (5) for information.\n#\n\n#kernel.domainname = example.com\n\n# Uncomment the following to stop low-level messages on console\n#kernel.printk = 3 4 1 3\n\n###################################################################\n# Functions previously found in netbase\n#\n\n# Uncomment the next two lines to enable Spoof protection (reverse-path filter)\n# Turn on Source Address Verification in all interfaces to\n# prevent some spoofing attacks\n#net.ipv4.conf.default.rp_filter=1\n#net.ipv4.conf.all.rp_filter=1\n\n# Uncomment the next line to enable TCP/IP SYN cookies\n# See http://lwn.net/Articles/277146/\n# Note: This may impact IPv6 TCP sessions too\n#net.ipv4.tcp_syncookies=1\n\n# Uncomment the next line to enable packet forwarding for IPv4\n#net.ipv4.ip_forward=1\n\n# Uncomment the next line to enable packet forwarding for IPv6\n#  Enabling this option disables Stateless Address Autoconfiguration\n#  based on Router Advertisements for this host\n#net.ipv6.conf.all.forwarding=1\n\n\n###################################################################\n# Additional settings - these settings can improve the network\n# security of the host and prevent against some network attacks\n# including spoofing attacks and man in the middle attacks through\n# redirection. Some network environments, however, require that these\n# settings are disabled so review and enable them as needed.\n#\n# Do not accept ICMP redirects (prevent MITM attacks)\n#net.ipv4.conf.all.accept_redirects = 0\n#net.ipv6.conf.all.accept_redirects = 0\n# _or_\n# Accept ICMP redirects only for gateways listed in our default\n# gateway list (enabled by default)\n# net.ipv4.conf.all.secure_redirects = 1\n#\n# Do not send ICMP redirects (we are not a router)\n#net.ipv4.conf.all.send_redirects = 0\n#\n# Do not accept IP source route packets (we are not a router)\n#net.ipv4.conf.all.accept_source_route = 0\n#net.ipv6.conf.all.accept_source_route = 0\n#\n# Log Martian Packets\n#net.ipv4.conf.all.log_martians = 1\n#\n\n###################################################################\n# Magic system request Key\n# 0=disable, 1=enable all, >1 bitmask of sysrq functions\n# See https://www.kernel.org/doc/html/latest/admin-guide/sysrq.html\n# for what other values do\n#kernel.sysrq=438\n\n\n",
  stderr: "",
  exitCode: 0,
};

/** probe-files host /etc/bom.conf: a byte-order mark, then a line ending in CRLF */
export const FILES_BOM_CRLF: Recorded = {
  stdout: "@@0123456789ab /etc/bom.conf\n\ufeffnameserver 192.168.1.53\r\n\n",
  stderr: "",
  exitCode: 0,
};

/** probe-files host /etc/nope.conf */
export const FILES_NONE: Recorded = {
  stdout: "",
  stderr: "",
  exitCode: 0,
};

/** probe-files host /etc/sysctl.d/50-link.conf, a link to /proc/sys/net/ipv4/ip_forward */
export const FILES_LINK_TO_PROC: Recorded = {
  stdout: "@@0123456789ab /etc/sysctl.d/50-link.conf UNREADABLE\n",
  stderr: "",
  exitCode: 0,
};

/** probe-files host /etc/big.conf (70000 bytes) */
export const FILES_TOO_LARGE: Recorded = {
  stdout: "@@0123456789ab /etc/big.conf TOO-LARGE 70000\n",
  stderr: "",
  exitCode: 0,
};

/** host's rule dump after ex03's solution (iptables-nft) */
export const RULES_NFT_MASQUERADE: Recorded = {
  stdout: "grade-rules-00000000000000000000000000000000 nft 0 647\n{\"nftables\": [{\"metainfo\": {\"version\": \"1.0.6\", \"release_name\": \"Lester Gooch #5\", \"json_schema_version\": 1}}, {\"table\": {\"family\": \"ip\", \"name\": \"nat\", \"handle\": 1}}, {\"chain\": {\"family\": \"ip\", \"table\": \"nat\", \"name\": \"POSTROUTING\", \"handle\": 1, \"type\": \"nat\", \"hook\": \"postrouting\", \"prio\": 100, \"policy\": \"accept\"}}, {\"rule\": {\"family\": \"ip\", \"table\": \"nat\", \"chain\": \"POSTROUTING\", \"handle\": 2, \"expr\": [{\"match\": {\"op\": \"==\", \"left\": {\"payload\": {\"protocol\": \"ip\", \"field\": \"saddr\"}}, \"right\": {\"prefix\": {\"addr\": \"192.168.15.0\", \"len\": 24}}}}, {\"counter\": {\"packets\": 14, \"bytes\": 964}}, {\"xt\": {\"type\": \"target\", \"name\": \"MASQUERADE\"}}]}}]}\ngrade-rules-00000000000000000000000000000000 iptables-nft-save 0 271\n# Generated by iptables-nft-save v1.8.9 (nf_tables) on Mon Dec  7 17:56:04 2026\n*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE\nCOMMIT\n# Completed on Mon Dec  7 17:56:04 2026\ngrade-rules-00000000000000000000000000000000 iptables-legacy-save 0 0\n\n",
  stderr: "",
  exitCode: 0,
};

/** the same, and two iptables-legacy rules: a comment with a newline, and -m statistic */
export const RULES_BOTH_STORES: Recorded = {
  stdout: "grade-rules-00000000000000000000000000000000 nft 0 647\n{\"nftables\": [{\"metainfo\": {\"version\": \"1.0.6\", \"release_name\": \"Lester Gooch #5\", \"json_schema_version\": 1}}, {\"table\": {\"family\": \"ip\", \"name\": \"nat\", \"handle\": 1}}, {\"chain\": {\"family\": \"ip\", \"table\": \"nat\", \"name\": \"POSTROUTING\", \"handle\": 1, \"type\": \"nat\", \"hook\": \"postrouting\", \"prio\": 100, \"policy\": \"accept\"}}, {\"rule\": {\"family\": \"ip\", \"table\": \"nat\", \"chain\": \"POSTROUTING\", \"handle\": 2, \"expr\": [{\"match\": {\"op\": \"==\", \"left\": {\"payload\": {\"protocol\": \"ip\", \"field\": \"saddr\"}}, \"right\": {\"prefix\": {\"addr\": \"192.168.15.0\", \"len\": 24}}}}, {\"counter\": {\"packets\": 14, \"bytes\": 964}}, {\"xt\": {\"type\": \"target\", \"name\": \"MASQUERADE\"}}]}}]}\ngrade-rules-00000000000000000000000000000000 iptables-nft-save 0 271\n# Generated by iptables-nft-save v1.8.9 (nf_tables) on Mon Dec  7 17:56:05 2026\n*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE\nCOMMIT\n# Completed on Mon Dec  7 17:56:05 2026\ngrade-rules-00000000000000000000000000000000 iptables-legacy-save 0 407\n# Generated by iptables-save v1.8.9 on Mon Dec  7 17:56:05 2026\n*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -s 192.168.15.0/24 -o eth0 -m comment --comment \"line one\nline two\" -j MASQUERADE\n-A POSTROUTING -s 192.168.15.0/24 -m statistic --mode random --probability 0.50000000000 -j MASQUERADE\nCOMMIT\n# Completed on Mon Dec  7 17:56:05 2026\n",
  stderr: "",
  exitCode: 0,
};

/** only iptables-legacy: MASQUERADE behind -m statistic --probability 0.5 */
export const RULES_LEGACY_STATISTIC_ONLY: Recorded = {
  stdout: "grade-rules-00000000000000000000000000000000 nft 0 111\n{\"nftables\": [{\"metainfo\": {\"version\": \"1.0.6\", \"release_name\": \"Lester Gooch #5\", \"json_schema_version\": 1}}]}\ngrade-rules-00000000000000000000000000000000 iptables-nft-save 0 0\n\ngrade-rules-00000000000000000000000000000000 iptables-legacy-save 0 310\n# Generated by iptables-save v1.8.9 on Mon Dec  7 17:56:12 2026\n*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -s 192.168.15.0/24 -m statistic --mode random --probability 0.50000000000 -j MASQUERADE\nCOMMIT\n# Completed on Mon Dec  7 17:56:12 2026\n",
  stderr: "",
  exitCode: 0,
};

/** only iptables-legacy: -A POSTROUTING -s 192.168.15.0/24 -o eth0 -j MASQUERADE */
export const RULES_LEGACY_MASQUERADE: Recorded = {
  stdout: "grade-rules-00000000000000000000000000000000 nft 0 111\n{\"nftables\": [{\"metainfo\": {\"version\": \"1.0.6\", \"release_name\": \"Lester Gooch #5\", \"json_schema_version\": 1}}]}\ngrade-rules-00000000000000000000000000000000 iptables-nft-save 0 0\n\ngrade-rules-00000000000000000000000000000000 iptables-legacy-save 0 263\n# Generated by iptables-save v1.8.9 on Mon Dec  7 17:56:13 2026\n*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -s 192.168.15.0/24 -o eth0 -j MASQUERADE\nCOMMIT\n# Completed on Mon Dec  7 17:56:13 2026\n",
  stderr: "",
  exitCode: 0,
};

/** probe-resolve red db, red's /etc/hosts ending in "192.168.1.11<U+00A0>db" */
export const RESOLVE_HOSTS_LINE_WITH_NBSP: Recorded = {
  stdout: "@@0123456789ab config hosts=ok resolv=ok nsswitch=ok\n@@0123456789ab nameservers\n@@0123456789ab lookup system exit=2\n@@0123456789ab lookup files exit=2\n",
  stderr: "",
  exitCode: 0,
};

/** probe-resolve red web.lab, red's /etc/hosts naming it "192.168.1.3 web.lab" */
export const RESOLVE_FROM_HOSTS: Recorded = {
  stdout: "@@0123456789ab config hosts=ok resolv=ok nsswitch=ok\n@@0123456789ab nameservers\n@@0123456789ab lookup system exit=0\n192.168.1.3     STREAM web.lab\n192.168.1.3     DGRAM  \n192.168.1.3     RAW    \n@@0123456789ab lookup files exit=0\n192.168.1.3     STREAM web.lab\n192.168.1.3     DGRAM  \n192.168.1.3     RAW    \n",
  stderr: "",
  exitCode: 0,
};

/** The recording with its line that starts with the same word as `line` (a probe's "@@probe ...", "@@syn ...") replaced by `line`. */
export function withLine(r: Recorded, line: string): Recorded {
  const word = line.split(' ')[0]!;
  const pattern = new RegExp(`^${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} .*$`, 'm');
  if (!pattern.test(r.stdout)) throw new Error(`the recording has no line starting ${word}`);
  return { ...r, stdout: r.stdout.replace(pattern, line) };
}
