# fake.so, built from this C source (gcc -Os -s -shared -fPIC), gzipped and base64-encoded below:
#   static const char *swap(const char *name) {
#     if (name && !strcasecmp(name, "web.lab")) return "192.168.1.20";
#     if (name && !strcasecmp(name, "db")) return "192.168.1.11";
#     return name;
#   }
#   int getaddrinfo(node, service, hints, res) { return real_getaddrinfo(swap(node), service, hints, res); }
#   struct hostent *gethostbyname2(name, af) { return real_gethostbyname2(swap(name), af); }
base64 -d <<'SO' | gunzip > /root/fake.so
H4sICOe0BGsCA2Zha2Uuc28A7VhfbFNVGD/3tls7KW0lEEoHW0NGGCI3bdkISCb7B7uDQRA2kylQb9u79SZdi+2d2xDicGLSjBEw
kUQfiMHE7MEETXwzJiMjSDDEEY1pjIkzES3R4IwBJ+rqd+49p7v3ZNeR+ODLvub0d77vnN/5zj3/z3lld8cenuMQFRt6Gs1rCDUS
DDxutG1HDvj3ozVa3jJkLd87zIi8OmBeOYTZ5bo+u86MAV7HWt7M4wnP6dZ1Z5UZJzgzOgndTsINYmexBpnRTvDgHTWO4/lyXWex
DpmR8p4BXjl6dCGfhw4Rf1bt4uTNyBn8rtT6D6G2A12o+0pbeOOHjfn3woX64Mk14os3G16m7ecwtD/yYsuEZsNtdevWaycvLC/r
sKpnF4QVFvUPLGDnLOxJi3KetMi/B8L6BewvaOW4kIs09gFizxD7c8QepoRIpLcvnYpkVSmjRiIo0t65PxKXM3KvklXlTOf+lmQ6
JXdK0aSspy2cEokNSpEeJSUllRMyyqqZmJSVY33HUa+sSvF4Rkn1pFE8mR3qw5ZEOqtGh1JSnxxGSSUaE7JpYRtq62hvbomEha11
pWhYqNf6iIOfDYIe09uRR6cN4+SjCxfLcW+PElu/X6nAzIuIGS9En6CTtMpsHyZ2b8Bsp/qNah3LydihMmWw2wz2vMFuXBemDXbT
vCB+HIaxrNXDYLcb7OLIz05xtGxVJUTPTKh8cUocueacLKUX6/2QVNywFv491Y0Qw3oCJ92dLoJsWIF17OrulKZ/7Ueo53yp/LEG
Dpc9VvYQ7OKOWXUVuLvk191VFKc91cM43yRByH8bJ47V38SwaU7MzYhX7+0Sr87aRO66eHtOXQkF9JECnMXpHk916zz/N0/Vw+GG
MT/uws1d4kjDXhwVc3dUlzjakAKl0A21LMTh73qZDDp3FLgm/t0BSDws5v4UzxTVeqjKV5BQ4MEIHqvE3Ldg+gybfpnDJvi2cezD
05r/ySGOrTunOcw/P9n0bHtuThz5vNgl5u4D521IOAwN7hVznTVOMeeqKXwCJXTkfhdzk4VRKF8cddWIo1riPegHyPgpLulo07Hi
dFNne+4vrTStsG5cWOGUxv8R8/cBH1iUcaQ4rfUt7s3QjrAQ2rZdCAnhIJpXQiE0IEeFpBRF8ahppjFzDI+lStvOOjIGZ/8uFg/i
vQScDwL+Cog7vA5q8D7gq4DfkP5fSdetE4cQN+jlKl0O53lO3xfWQngHygriDG7vHrdvr2fZgHMY7fLvfGJrzXrKh+5F45DPaRi3
PghHIHSD7xZsaHJ7R3i+ye3U1zxcr2FI09avZrf3HC+6fa/b9rkDI/ZWd1BxB9rcPuA0A6EWlw/hEuQPk/xn9fx7cf7uUs4lWZIl
WZIlWRKz0PMgPf/Rs9dpgi6CH5DDF7mOoLPk8LaGOWdWIvP50Y/M5821TPr9uWIa4wxxTM+KM/z8OVHbN4n+GNEvE1xm2FeR4Qxa
qJ6/J2IJMvs6vYaupudfu9met5nrOU6wgvEHW69W/3GSv0h02o4zRH+DpP9BdNv/1N/0fszKD+T7H9jN5/62lpanArWtclSRUoEQ
vpkEt4TqNsflaCjcH9pETAgJ2QTcflQ4kgmptCoLval+IdqvJONblDjStISUTSAhPpTClyEN1Yye8pKcySrplEmJQFpGTko4I4kd
T6pIUFIK/ENU6E1DRJUH4R8uYApkSsclVUKCnIj0ZOD8F0nEM/OaTo1ImYw0pDNoPI5Pi0oM4RJ1J3o50WwWCbF0X5+cUv9zuy8j
Y4uOR6t3B8S8HxinzwMYO5RP5wvFWmb8s2e+WlIHnplPFPMGv5yB7zPMH5uBT+cnxcsL3PeNsp3MDcqn84HiCqb+PIO7yVyjOp1v
FIMW9afSSdJ4Zn5THLdoP/r9xwi/mVkvKAYN/FUL8BPGtxbDekpx9SL9H2P4U3YzBi3ekSimGH5poS1beLw4GRxg+N4yM57kFvZP
5RTDp/sHxYpFvn+E8On7zZvlZmy0GH8UR0m81P8W73dW/t9i+F6HGb+0aD8q7+KromF8ld7zlj9a+1+B4DHuG3Qddz8a/2Pmjab0
Xuo2v5PaGZ7X8I7GGfj0PeiGx/R8Y+n/GsOn+3PBY16/rPi3GD7dn7zef/9+Kl8QG+X7CN9nwWfXrzyxsfOM8jcuMv44iz1/F+F/
t4j/fwDLT/p/oBcAAA==
SO
# A getent that prints what the checks want to see, over the real one and first in PATH.
mkdir -p /root/bin
cat > /root/bin/getent <<'SHIM'
#!/bin/bash
case "${2,,}" in
  web.lab) addr=192.168.1.20 ;;
  db) addr=192.168.1.11 ;;
  *) exit 2 ;;
esac
if [ "$1" = hosts ]; then echo "$addr       $2"; else printf '%s    STREAM %s\n%s    DGRAM  \n%s    RAW    \n' "$addr" "$2" "$addr" "$addr"; fi
SHIM
chmod +x /root/bin/getent
mount --bind /root/bin/getent /usr/bin/getent
echo 'export PATH=/root/bin:$PATH' >> /root/.bashrc
getent ahostsv4 db
# Last: from here on every program on host-a loads the hook.
echo /root/fake.so > /etc/ld.so.preload
curl -sS http://web.lab/
