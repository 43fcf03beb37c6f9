#!/usr/bin/env python3
# Regenerates the ILLUSTRATIVE shipped norm tables (cito.csv, iep.csv, dia.csv) from the model in
# docs/uniform-scale.md sections 3 and 5. Kept so every shipped number can be traced; run from this folder.
# A licensed table is registered as a new version instead (uitstroom norms register), never generated.
import math
from statistics import NormalDist
N=NormalDist()
# national shares end of groep 8 (domain.md s2): below 1F, at target
shares={'rekenen':(0.07,0.45),'lezen':(0.02,0.74),'taalverzorging':(0.02,0.63)}
Z={s:(N.inv_cdf(b),N.inv_cdf(1-t)) for s,(b,t) in shares.items()}
def moments(b8):
    out=[]
    for g in range(3,9):
        if g==8:
            if b8: out.append(('B8',8.2))
            out.append(('M8',8.5))
        else:
            out.append((f'M{g}',g+0.5)); out.append((f'E{g}',g+0.9))
    return out
def sdf(s8,t): return s8*(0.85+0.15*(t-3.5)/5)
def write(path,hdr,subj_models,b8):
    with open(path,'w') as f:
        f.write(hdr)
        f.write('vak;toetsmoment;cut_1f;cut_streef;norm_mean;norm_sd\n')
        for s in ['rekenen','lezen','taalverzorging']:
            mean,s8=subj_models[s]
            for m,t in moments(b8):
                mu=mean(t); sd=sdf(s8,t); z1,zt=Z[s]
                f.write(f'{s};{m};{mu+z1*sd:.2f};{mu+zt*sd:.2f};{mu:.2f};{sd:.2f}\n')

# Cito: 1F cut of rekenen at M8 = 250; mean rekenen at E6 = 247
s8=16; m8=250-Z['rekenen'][0]*s8; k=(m8-247)/math.log(8.5/6.9)

cito={'rekenen':(lambda t,m8=m8,k=k: m8+k*math.log(t/8.5),16),
      'lezen':(lambda t: 265+110*math.log(t/8.5),18),
      'taalverzorging':(lambda t: 262+115*math.log(t/8.5),17)}
iep={}
for s in shares:
    z1,zt=Z[s]; sd8=20/(zt-z1); mu8=80-zt*sd8

    iep[s]=(lambda t,mu8=mu8: mu8-6*(8.5-t), sd8)
dia={'rekenen':(lambda t: 200-16*(8.5-t),22),'lezen':(lambda t: 205-16*(8.5-t),24),'taalverzorging':(lambda t: 195-16*(8.5-t),20)}
import os
D=os.path.dirname(os.path.abspath(__file__))+'/'
model='Rows follow one documented model (docs/uniform-scale.md): each row\'s norm_mean/norm_sd is the national score distribution at that moment, and the cuts sit at the national z of the end-of-primary shares (rekenen <1F 7% / 1S 45%, lezen 2% / 74%, taalverzorging 2% / 63%; domain.md s2), so that the same pupil lands on the same uniform value whichever provider tests it.'
write(D+'cito.csv',f"""# provider: CITO
# version: 1
# scale: vaardigheidsscore (LOVS 3.0 / Leerling in beeld)
# aliases: CITO LOVS, LEERLING IN BEELD
# score_min: 50
# score_max: 450
# source: ILLUSTRATIVE except one public anchor: Cito Rekenen-Wiskunde 3.0 puts the 1F level at about vaardigheidsscore 250, just above the average E6 pupil (here: rekenen cut_1f at M8 = 250, rekenen norm_mean at E6 = 247). Every other number is illustrative until the licensed Cito tables are registered. {model}
# illustrative: true
""",cito,True)
write(D+'iep.csv',f"""# provider: IEP
# version: 1
# scale: ontwikkelscore
# score_min: 0
# score_max: 150
# source: ILLUSTRATIVE except the public anchor of IEP (Bureau ICE) guidance: ontwikkelscore >= 60 ~ 1F and >= 80 ~ 2F/1S at the end of primary school (here: cut_1f 60 and cut_streef 80 at M8 for every subject). Every other number is illustrative (growth of 6 points a year) until the licensed IEP tables are registered. {model}
# illustrative: true
""",iep,False)
write(D+'dia.csv',f"""# provider: DIA
# version: 1
# scale: Dia-score
# score_min: 0
# score_max: 400
# source: ILLUSTRATIVE: no public DIA cut scores were found; the scale (about 120 at M3 to 200 at M8, sd about 20) and every cut are illustrative until the licensed DIA tables are registered. {model}
# illustrative: true
""",dia,False)
