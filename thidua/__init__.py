"""thidua: thi đua – khen thưởng for Vietnamese trade unions."""
